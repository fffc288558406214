"""The portal: the application form, the receipt and the status page (Art. 13, 15)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.applications.conftest import RESIDENT_ID
from zwgk.applications.models import Application

pytestmark = pytest.mark.django_db

FORM = {
    "applicant_type": "natural_person", "name": "张明", "id_type": "resident_id", "id_number": RESIDENT_ID,
    "phone": "13909510001", "email": "", "address": "", "description": "2025年道路交通事故统计", "purpose": "",
    "delivery": "online",
}


def _submit(client: Client, **overrides):
    return client.post("/apply/", {**FORM, **overrides})


def test_form_shows_what_art_13_requires(demo):
    page = Client().get("/apply/").content.decode()
    for label in ("申请人类型", "身份证明类型", "证件号码", "联系电话", "特征性描述", "获取信息的方式", "组织类型"):
        assert label in page


def test_submission_shows_a_printable_receipt(demo):
    client = Client()
    response = _submit(client)
    assert response.status_code == 302
    application = Application.objects.order_by("-id").first()
    assert response["Location"] == f"/apply/receipt/{application.number}/"
    page = client.get(response["Location"]).content.decode()
    assert application.number in page and "查询码" in page and "答复期限" in page and "打印回执" in page
    assert application.channel == "online"


def test_the_receipt_s_progress_button_posts_the_code_and_no_address_carries_it(demo):
    import re

    client = Client()
    page = client.get(_submit(client)["Location"]).content.decode()
    code = re.search(r'id="query-code">([^<]+)<', page).group(1)
    assert not re.search(r'href="[^"]*' + re.escape(code), page)
    assert f'name="query_code" value="{code}"' in page and 'action="/apply/status/"' in page
    number = Application.objects.order_by("-id").first().number
    status = client.post("/apply/status/", {"number": number, "query_code": code})
    assert status.status_code == 200 and "办理" in status.content.decode()


def test_receipt_is_shown_only_to_the_submitting_browser(demo):
    _submit(Client())
    number = Application.objects.order_by("-id").first().number
    assert Client().get(f"/apply/receipt/{number}/").status_code == 404


def test_bad_id_number_gets_a_chinese_message_on_the_field(demo):
    count = Application.objects.count()
    response = _submit(Client(), id_number="640104198503121230")
    assert response.status_code == 422
    assert "居民身份证号码有误" in response.content.decode()
    assert Application.objects.count() == count


def test_legal_person_needs_organisation_type(demo):
    response = _submit(Client(), applicant_type="legal_person", id_type="other", id_number="ABC12345",
                       organization="某公司")
    assert "请选择组织类型" in response.content.decode()


def test_status_page_with_number_and_code(demo):
    client = Client()
    _submit(client)
    application = Application.objects.order_by("-id").first()
    code = client.session["application_receipts"][application.number]
    page = client.post("/apply/status/", {"number": application.number, "query_code": code})
    assert page.status_code == 200
    text = page.content.decode()
    assert "已登记，待初审" in text and "收到申请" in text
    explain = f'/workdays/explain/?start={application.received_on:%Y-%m-%d}&amp;days=15">如何计算</a>'
    assert explain in text  # every due date says how it was counted


def test_status_page_wrong_code_is_404(demo):
    client = Client()
    _submit(client)
    application = Application.objects.order_by("-id").first()
    response = client.post("/apply/status/", {"number": application.number, "query_code": "WRONG"})
    assert response.status_code == 404
    assert "未找到该申请" in response.content.decode()
