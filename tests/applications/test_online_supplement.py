"""The applicant supplements online from the status page (number + query code), with text and
files, before the deadline the notice states; the clock restarts (Art. 15 ¶2)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.applications.conftest import person
from zwgk.applications import services
from zwgk.applications.models import Application, Supplement, SupplementFile
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def noticed(staff, act, on_day):
    """An online application of Fri 25 Sep 2026 (中秋节) with a supplement notice of Mon 28 Sep (due 23 Oct)."""
    on_day(date(2026, 9, 25))
    application, code = services.do_submit(person())
    application = act(application, "request_supplement", "clerk", on=date(2026, 9, 28),
                      items=["请写明所需统计年报的年份"])
    return application, code


def _status(client, application, code):
    return client.post("/apply/status/", {"number": application.number, "query_code": code})


def _supplement(client, application, code, text="所需为2025年度的统计年报。", files=()):
    return client.post(f"/apply/status/{application.number}/supplement/",
                       {"query_code": code, "text": text, "files": list(files)})


def test_the_status_page_shows_the_notice_with_its_deadline_and_the_form(client, noticed, on_day):
    application, code = noticed
    on_day(date(2026, 10, 9))
    page = _status(client, application, code).content.decode()
    assert "请写明所需统计年报的年份" in page and "2026年10月23日" in page
    assert "提交补正" in page and 'enctype="multipart/form-data"' in page


def test_a_supplement_with_a_file_restarts_the_clock(client, noticed, on_day):
    application, code = noticed
    on_day(date(2026, 10, 9))
    response = _supplement(client, application, code,
                           files=[SimpleUploadedFile("说明.pdf", PDF, content_type="application/pdf")])
    assert response.status_code == 200, response.content.decode()
    a = Application.objects.get(pk=application.pk)
    assert a.status == "received" and a.resubmitted_on == date(2026, 10, 9)
    assert a.due_on == services.workdays.deadline(date(2026, 10, 9), 15).date == date(2026, 10, 29)
    supplement = Supplement.objects.get(application=a)
    assert supplement.text == "所需为2025年度的统计年报。" and supplement.online
    assert [f.name for f in supplement.files.all()] == ["说明.pdf"]
    event = Event.objects.for_object(a).get(action="resubmit")
    assert event.public and event.actor is None and event.actor_label == "申请人"
    assert "补正已收到" in response.content.decode()


def test_a_file_of_a_forbidden_type_is_refused_and_nothing_is_stored(client, noticed, on_day):
    application, code = noticed
    on_day(date(2026, 10, 9))
    good = SimpleUploadedFile("说明.pdf", PDF, content_type="application/pdf")
    bad = SimpleUploadedFile("说明.pdf.exe", b"MZ\x90\x00rest", content_type="application/pdf")
    response = _supplement(client, application, code, files=[good, bad])
    assert response.status_code == 422
    assert "补正材料“说明.pdf.exe”的内容不是允许的格式" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == "awaiting_supplement"
    assert not Supplement.objects.exists() and not SupplementFile.objects.exists()


def test_an_empty_supplement_text_is_refused_in_chinese(client, noticed, on_day):
    application, code = noticed
    on_day(date(2026, 10, 9))
    response = _supplement(client, application, code, text="")
    assert response.status_code == 422 and "请填写补正内容" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == "awaiting_supplement"


def test_after_the_deadline_the_form_is_gone_and_a_post_is_refused(client, noticed, on_day):
    application, code = noticed
    on_day(date(2026, 10, 24))
    page = _status(client, application, code).content.decode()
    assert "提交补正" not in page and "补正期限已过" in page
    response = _supplement(client, application, code)
    assert response.status_code == 409 and "补正期限（2026-10-23）已过" in response.content.decode()
    assert not Supplement.objects.exists()


def test_a_wrong_query_code_cannot_supplement(client, noticed, on_day):
    application, _code = noticed
    on_day(date(2026, 10, 9))
    response = _supplement(client, application, "WRONG-CODE")
    assert response.status_code == 404
    assert Application.objects.get(pk=application.pk).status == "awaiting_supplement"


def test_staff_see_the_supplement_and_its_file_in_the_case(client, noticed, on_day, staff):
    application, code = noticed
    on_day(date(2026, 10, 9))
    _supplement(client, application, code, files=[SimpleUploadedFile("说明.pdf", PDF)])
    client.force_login(staff("clerk"))
    page = client.get(f"/workbench/applications/{application.number}/").content.decode()
    assert "所需为2025年度的统计年报。" in page and "说明.pdf" in page
    row = SupplementFile.objects.get()
    download = client.get(f"/workbench/applications/{application.number}/supplements/{row.pk}/")
    assert download.status_code == 200 and download.content == PDF
