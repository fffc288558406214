"""An offline captcha once an address submits often (issue 11): the public forms ask a text question
generated here (readable by a screen reader, no image, no third party); the API answers 429
``captcha_required`` and takes the answer in headers. A missing or wrong answer stores nothing."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.core.test_limits import APPLICATION, MESSAGE
from zwgk.interaction.models import Message

pytestmark = pytest.mark.django_db

QUESTION = re.compile(r"(\d) (加|减) (\d) 等于几")


def _answer(text: str) -> str:
    a, op, b = QUESTION.search(text).groups()
    return str(int(a) + int(b) if op == "加" else int(a) - int(b))


def _token(page: str) -> str:
    return re.search(r'name="captcha_token" value="([^"]+)"', page).group(1)


@pytest.fixture
def often(demo, settings):
    """An address that has already submitted twice this hour, with the captcha after two."""
    settings.ZWGK_CAPTCHA_AFTER = 2
    client = Client(REMOTE_ADDR="10.9.0.1")
    for _ in range(2):
        assert client.post("/interaction/mailbox/", MESSAGE).status_code == 302
    return client


def test_the_form_has_no_captcha_for_an_occasional_visitor(demo):
    page = Client(REMOTE_ADDR="10.9.0.2").get("/interaction/mailbox/").content.decode()
    assert "captcha_answer" not in page


def test_after_frequent_submissions_the_form_asks_an_accessible_question(often):
    page = often.get("/interaction/mailbox/").content.decode()
    assert QUESTION.search(page) and '<label for="id_captcha_answer">' in page
    assert 'aria-describedby="captcha-help"' in page and "<img" not in page.split("captcha")[1]
    assert "第三方" in page
    assert "captcha_answer" in often.get("/apply/").content.decode()


@pytest.mark.parametrize("answer", [None, "", "999"])
def test_a_missing_or_wrong_answer_stores_nothing(often, answer):
    page = often.get("/interaction/mailbox/").content.decode()
    count = Message.objects.count()
    body = {**MESSAGE, "captcha_token": _token(page)}
    if answer is not None:
        body["captcha_answer"] = answer
    response = often.post("/interaction/mailbox/", body)
    assert response.status_code == 429 and "验证问题" in response.content.decode()
    assert Message.objects.count() == count


def test_the_right_answer_submits_and_a_token_serves_once(often):
    page = often.get("/interaction/mailbox/").content.decode()
    body = {**MESSAGE, "captcha_token": _token(page), "captcha_answer": _answer(page)}
    count = Message.objects.count()
    assert often.post("/interaction/mailbox/", body).status_code == 302
    assert Message.objects.count() == count + 1
    assert often.post("/interaction/mailbox/", body).status_code == 429  # the same token again
    assert Message.objects.count() == count + 1


def test_full_width_digits_are_accepted(often):
    page = often.get("/interaction/mailbox/").content.decode()
    answer = _answer(page).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    body = {**MESSAGE, "captcha_token": _token(page), "captcha_answer": answer}
    assert often.post("/interaction/mailbox/", body).status_code == 302


@pytest.mark.parametrize("path", ["/api/v1/applications", "/api/v1/messages"])
def test_the_api_answers_429_with_a_challenge_and_takes_the_answer_in_headers(demo, settings, path):
    settings.ZWGK_CAPTCHA_AFTER = 1
    body = APPLICATION if "applications" in path else {k: v for k, v in MESSAGE.items() if v}
    client = Client(REMOTE_ADDR="10.9.0.3")
    assert client.post(path, body, content_type="application/json").status_code == 201
    refused = client.post(path, body, content_type="application/json")
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["code"] == "captcha_required" and "captcha_token" in error["fields"]
    wrong = client.post(path, body, content_type="application/json",
                        headers={"X-Captcha-Token": error["fields"]["captcha_token"], "X-Captcha-Answer": "99"})
    assert wrong.status_code == 429 and "回答错误" in wrong.json()["error"]["message"]
    error = wrong.json()["error"]
    right = client.post(path, body, content_type="application/json", headers={
        "X-Captcha-Token": error["fields"]["captcha_token"], "X-Captcha-Answer": _answer(error["message"])})
    assert right.status_code == 201, right.content


def test_staff_never_get_a_captcha(often, staff):
    often.force_login(staff("clerk"))
    assert "captcha_answer" not in often.get("/interaction/mailbox/").content.decode()
