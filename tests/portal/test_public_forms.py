"""The public forms: every message Chinese and naming its field, all errors at once with a
summary at the top, and one phone / e-mail / required-text rule for applications and messages."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.applications.conftest import RESIDENT_ID
from zwgk.core.contact import check_email, check_phone, required_text

APPLICATION = {
    "applicant_type": "natural_person", "name": "张明", "id_type": "resident_id", "id_number": RESIDENT_ID,
    "phone": "13909510001", "email": "", "address": "", "description": "2025年道路交通事故统计", "purpose": "",
    "delivery": "online",
}
MESSAGE = {"kind": "consultation", "title": "户口迁移咨询", "body": "户口迁移需要什么材料？", "name": "李明",
           "phone": "13995012345", "id_number": "", "email": ""}


@pytest.mark.parametrize("phone", ["13909510001", "139 0951 0001", "+86 13909510001", "0951-5012345", "5012345",
                                   "12345"])
def test_good_phone_numbers_pass(phone):
    errors: dict[str, str] = {}
    check_phone(phone, errors)
    assert errors == {}


@pytest.mark.parametrize("phone", ["1390951000", "139095100011", "12909510001", "abc1234567", "123"])
def test_a_ten_digit_mobile_and_other_bad_numbers_are_refused(phone):
    errors: dict[str, str] = {}
    check_phone(phone, errors)
    assert "联系电话" in errors["phone"]


def test_email_and_required_text_rules_name_the_field():
    errors: dict[str, str] = {}
    check_email("not-an-address", errors)
    required_text("   ", errors, "title", "标题")
    assert errors == {"email": "电子邮箱格式不正确", "title": "请填写标题"}


def _errors_in(html: str) -> list[str]:
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S)
    assert summary, "no error summary at the top of the form"
    return re.findall(r'<li><a href="#id_(\w+)">([^<]+)</a></li>', summary.group(0))


def test_the_empty_application_form_shows_every_error_at_once_in_chinese(demo):
    response = Client().post("/apply/", {})
    html = response.content.decode()
    assert response.status_code == 422
    assert "This field" not in html and "Ensure this" not in html and "Select a valid" not in html
    fields = dict(_errors_in(html))
    expected = {"name": "姓名", "id_number": "证件号码", "phone": "联系电话", "description": "所需政府信息",
                "applicant_type": "申请人类型", "delivery": "获取信息的方式"}
    for field, word in expected.items():
        assert word in fields[field], (field, fields)


def test_a_missing_name_and_a_bad_phone_show_together(demo):
    html = Client().post("/apply/", {**APPLICATION, "name": "", "phone": "1390951000"}).content.decode()
    fields = dict(_errors_in(html))
    assert "姓名" in fields["name"] and "11位" in fields["phone"]


def test_the_mailbox_form_shows_every_error_at_once_in_chinese(demo):
    html = Client().post("/interaction/mailbox/", {**MESSAGE, "title": "", "phone": "1390951000",
                                                   "email": "x@"}).content.decode()
    assert "This field" not in html
    fields = dict(_errors_in(html))
    assert fields["title"] == "请填写标题" and "11位" in fields["phone"] and "电子邮箱" in fields["email"]


@pytest.mark.parametrize(("path", "body"), [("/api/v1/applications", APPLICATION),
                                            ("/api/v1/messages", {k: v for k, v in MESSAGE.items() if v})])
def test_the_api_refuses_a_ten_digit_mobile(demo, path, body):
    response = Client().post(path, {**body, "phone": "1390951000"}, content_type="application/json")
    assert response.status_code == 422 and "phone" in response.json()["error"]["fields"]
