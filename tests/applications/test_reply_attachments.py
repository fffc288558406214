"""Reply attachments (Art. 16, 20): the lead department attaches the disclosed files while drafting;
the sign-off fingerprint covers them; the letter lists them as 附件; the applicant downloads them
with the query code; the Art. 21 case file holds them."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.applications.conftest import person
from tests.conftest import ApiClient
from zwgk.applications import case_file, letters, services
from zwgk.applications.models import Application, ReplyAttachment
from zwgk.core.errors import Conflict, InvalidInput

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
DAY = date(2026, 9, 28)


@pytest.fixture
def transferred(staff, act, on_day):
    on_day(DAY)
    application, code = services.do_submit(person())
    application = act(application, "transfer", "clerk", on=DAY, lead="traffic")
    return application, code


def _attach(application, staff, name="2025年统计年报.pdf", data=PDF):
    return services.do_attach_reply_file(application, actor=staff("traffic_handler"), name=name, data=data)


def _chain(act, a):
    for username in ("traffic_head", "clerk", "leader"):
        a = act(a, "sign_off", username, on=DAY, decision="approve")
    return a


def _answered(transferred, staff, act):
    application, code = transferred
    _attach(application, staff)
    _attach(application, staff, name="分月明细.png", data=PNG)
    a = act(application, "draft_reply", "traffic_handler", on=DAY, outcome="disclosed", content="随本答复书提供。")
    a = act(_chain(act, a), "reply", "traffic_handler", on=DAY)
    return a, code


def test_the_reply_letter_lists_the_attachments(transferred, staff, act):
    a, _code = _answered(transferred, staff, act)
    letter = a.letters.get(template_id="reply_1")
    assert letter.attachment_names == ["2025年统计年报", "分月明细"]
    assert letters.document(letter).attachments == ["2025年统计年报", "分月明细"]
    assert set(a.reply_attachments.values_list("letter", flat=True)) == {letter.pk}
    assert b"PK" == letters.render_docx(letter)[:2]


def test_attachments_cannot_change_once_sign_off_has_begun(transferred, staff, act):
    application, _code = transferred
    attachment = _attach(application, staff)
    a = act(application, "draft_reply", "traffic_handler", on=DAY, outcome="disclosed", content="随本答复书提供。")
    with pytest.raises(Conflict, match="送审后不能更改"):
        _attach(a, staff, name="另一份.pdf")
    with pytest.raises(Conflict):
        services.do_remove_reply_file(a, actor=staff("traffic_handler"), attachment_id=attachment.pk)
    assert ReplyAttachment.objects.filter(application=a).count() == 1


def test_the_fingerprint_covers_the_attachments(transferred, staff, act):
    application, _code = transferred
    _attach(application, staff)
    a = _chain(act, act(application, "draft_reply", "traffic_handler", on=DAY, outcome="disclosed",
                        content="随本答复书提供。"))
    ReplyAttachment.objects.filter(application=a).update(sha256="0" * 64)  # changed behind the chain's back
    with pytest.raises(Conflict, match="审签记录不符"):
        act(a, "reply", "traffic_handler", on=DAY)
    assert Application.objects.get(pk=a.pk).status == "signed_off"


def test_an_answer_that_discloses_nothing_cannot_carry_files(transferred, staff, act):
    application, _code = transferred
    _attach(application, staff)
    with pytest.raises(InvalidInput, match="只有予以公开、部分公开或已主动公开"):
        act(application, "draft_reply", "traffic_handler", on=DAY, outcome="not_held")
    assert Application.objects.get(pk=application.pk).status == "transferred"


def test_a_file_of_a_forbidden_type_is_refused(transferred, staff):
    application, _code = transferred
    with pytest.raises(InvalidInput, match=r"答复附件“工具\.exe”的内容不是允许的格式"):
        _attach(application, staff, name="工具.exe", data=b"MZ\x90\x00")
    assert not ReplyAttachment.objects.exists()


def test_the_applicant_downloads_the_attachments_with_the_query_code(transferred, staff, act, client):
    a, code = _answered(transferred, staff, act)
    page = client.post("/apply/status/", {"number": a.number, "query_code": code}).content.decode()
    assert "附件1：2025年统计年报" in page and "下载附件" in page
    first = a.reply_attachments.order_by("pk").first()
    response = client.post(f"/apply/status/{a.number}/attachments/{first.pk}/", {"query_code": code})
    assert response.status_code == 200 and response.content == PDF
    wrong = client.post(f"/apply/status/{a.number}/attachments/{first.pk}/", {"query_code": "WRONG"})
    assert wrong.status_code == 404


def test_the_api_lists_the_attachments_under_the_letter_for_the_applicant(transferred, staff, act):
    a, code = _answered(transferred, staff, act)
    body = ApiClient().get(f"/applications/{a.number}", {"query_code": code}).json()
    reply = next(x for x in body["letters"] if x["attachments"])
    assert [x["name"] for x in reply["attachments"]] == ["2025年统计年报.pdf", "分月明细.png"]
    download = ApiClient().get(reply["attachments"][0]["url"].removeprefix("/api/v1"), {"query_code": code})
    assert download.status_code == 200 and download.content == PDF


def test_a_draft_attachment_is_not_shown_to_the_applicant(transferred, staff):
    application, code = transferred
    attachment = _attach(application, staff)
    response = ApiClient().get(f"/applications/{application.number}/attachments/{attachment.pk}",
                               {"query_code": code})
    assert response.status_code == 404


def test_the_api_uploads_attachments_for_the_draft(transferred, api_as):
    application, _code = transferred
    handler = api_as("traffic_handler")
    response = handler.client.post(
        f"/api/v1/applications/{application.number}/attachments",
        {"files": [SimpleUploadedFile("统计年报.pdf", PDF)]}, headers=handler._headers(None))
    assert response.status_code == 201, response.content
    assert response.json()[0]["name"] == "统计年报.pdf"


def test_the_case_file_holds_the_attachments(transferred, staff, act):
    a, _code = _answered(transferred, staff, act)
    names = zipfile.ZipFile(io.BytesIO(case_file.build(a))).namelist()
    assert "答复附件/01-2025年统计年报.pdf" in names and "答复附件/02-分月明细.png" in names


def test_the_workbench_draft_form_takes_the_files_with_the_draft(transferred, staff, client):
    application, _code = transferred
    client.force_login(staff("traffic_handler"))
    response = client.post(f"/workbench/applications/{application.number}/actions/draft_reply/", {
        "draft_reply-on": "2026-09-28", "draft_reply-outcome": "disclosed", "draft_reply-content": "随本答复书提供。",
        "draft_reply-attachments": [SimpleUploadedFile("统计年报.pdf", PDF)]})
    assert response.status_code == 302, response.content.decode()[:2000]
    a = Application.objects.get(pk=application.pk)
    assert a.status == "in_signoff" and [x.name for x in a.reply_attachments.all()] == ["统计年报.pdf"]
    page = client.get(f"/workbench/applications/{a.number}/").content.decode()
    assert "统计年报.pdf" in page and 'id="draft-attachments"' in page


def test_a_bad_file_in_the_draft_form_stores_neither_file_nor_draft(transferred, staff, client):
    application, _code = transferred
    client.force_login(staff("traffic_handler"))
    response = client.post(f"/workbench/applications/{application.number}/actions/draft_reply/", {
        "draft_reply-on": "2026-09-28", "draft_reply-outcome": "disclosed", "draft_reply-content": "随本答复书提供。",
        "draft_reply-attachments": [SimpleUploadedFile("统计年报.pdf", PDF), SimpleUploadedFile("x.exe", b"MZ")]})
    assert response.status_code == 422
    a = Application.objects.get(pk=application.pk)
    assert a.status == "transferred" and not a.reply_attachments.exists()
