"""Nothing private is published on a department's word (issue 9; Art. 4, 5, 26): only the secrecy
office or the office head publish over the scan's findings, naming each; a redacted entry
publishes only redacted files; no public address serves what is not public."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.catalog.conftest import VALID_ID
from tests.catalog.test_attachments import PNG, docx_bytes
from zwgk.catalog.models import Attachment, Entry, EntryEvent, ReviewRecord
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db
MOBILE = "13912345678"


def act(client, entry_id, action, body=None):
    return client.post(f"/catalog/drafts/{entry_id}/actions/{action}", body or {})


def upload(client, entry_id, name, data, **form):
    return client.client.post(
        f"/api/v1/catalog/drafts/{entry_id}/attachments",
        {"file": SimpleUploadedFile(name, data), **form},
        headers={"Authorization": f"Bearer {client.token}"},
    )


@pytest.fixture
def approved_with_findings(draft, handler, head):
    """An approved entry holding a citizen's ID number and mobile number: two findings."""
    entry = draft(body=f"<p>当事人张某，公民身份号码{VALID_ID}，联系电话{MOBILE}。</p>")
    scan = act(handler, entry["id"], "submit").json()["scan"]
    assert sorted(f["kind"] for f in scan) == ["mobile", "resident_id"]
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    return entry["id"], scan


def test_the_drafting_department_cannot_override_the_scan(approved_with_findings, handler, head):
    entry_id, scan = approved_with_findings
    body = {"override_reason": "经领导同意", "accepted_findings": [f["id"] for f in scan]}
    for client in (handler, head):
        refused = act(client, entry_id, "publish", body)
        assert refused.status_code == 403
        assert "override_reason" in refused.json()["error"]["fields"]
    assert Entry.objects.get(pk=entry_id).status == Entry.APPROVED
    assert not ReviewRecord.objects.filter(entry_id=entry_id, decision="override").exists()


def test_the_override_must_name_every_finding(approved_with_findings, secrecy):
    entry_id, scan = approved_with_findings
    assert act(secrecy, entry_id, "publish", {"override_reason": "系公开通缉"}).status_code == 422
    partly = act(secrecy, entry_id, "publish", {"override_reason": "系公开通缉", "accepted_findings": [scan[0]["id"]]})
    assert partly.status_code == 422 and "accepted_findings" in partly.json()["error"]["fields"]
    unknown = act(secrecy, entry_id, "publish", {"override_reason": "系公开通缉",
                                                 "accepted_findings": [f["id"] for f in scan] + ["body:0-1"]})
    assert unknown.status_code == 422
    assert Entry.objects.get(pk=entry_id).status == Entry.APPROVED


def test_the_secrecy_office_overrides_naming_each_finding_and_the_ledger_keeps_them(approved_with_findings,
                                                                                     secrecy):
    entry_id, scan = approved_with_findings
    assert secrecy.get(f"/catalog/drafts/{entry_id}").json()["allowed_actions"] == ["publish"]
    published = act(secrecy, entry_id, "publish", {"override_reason": "系公开通缉信息",
                                                   "accepted_findings": [f["id"] for f in scan]})
    assert published.status_code == 200 and published.json()["status"] == "published"
    row = ReviewRecord.objects.get(entry_id=entry_id, decision="override")
    assert row.department_name == "厅保密办" and row.opinion == "系公开通缉信息"
    assert sorted(f["id"] for f in row.accepted_findings) == sorted(f["id"] for f in scan)
    event = Event.objects.get(object_id=str(entry_id), action=EntryEvent.SCAN_OVERRIDDEN)
    assert len(event.data["accepted_findings"]) == 2


def test_the_office_head_may_override_too(approved_with_findings, api_as):
    entry_id, scan = approved_with_findings
    published = act(api_as("chief"), entry_id, "publish", {"override_reason": "依法公开",
                                                           "accepted_findings": [f["id"] for f in scan]})
    assert published.json()["status"] == "published"


@pytest.fixture
def redacted(draft, handler):
    entry = draft(disclosure_attribute="redacted", body="<p>原文</p>", redacted_body="<p>删减后正文</p>")
    original = upload(handler, entry["id"], "名单.docx", docx_bytes(f"张三 {VALID_ID}"))
    assert original.status_code == 201, original.content
    return entry["id"], original.json()["attachments"][0]["id"]


def test_a_redacted_entry_is_not_published_while_an_attachment_has_no_redacted_version(redacted, handler,
                                                                                        head):
    entry_id, _original = redacted
    act(handler, entry_id, "submit")
    act(head, entry_id, "review", {"decision": "approve", "opinion": "同意删减后公开"})
    refused = act(handler, entry_id, "publish")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "redaction_missing"
    assert Entry.objects.get(pk=entry_id).status == Entry.APPROVED


def test_only_redacted_versions_are_served_and_the_api_links_work(redacted, handler, head, api, client, staff):
    entry_id, original = redacted
    added = upload(handler, entry_id, "名单（删减）.docx", docx_bytes("张某 身份证号已删除"), redacted_of=str(original))
    assert added.status_code == 201, added.content
    version = next(a for a in added.json()["attachments"] if a["redacted_of"] == original)
    # the scan reads what would be published: the redacted version, not the original
    assert act(handler, entry_id, "submit").json()["scan"] == []
    act(head, entry_id, "review", {"decision": "approve", "opinion": "同意删减后公开"})
    number = act(handler, entry_id, "publish").json()["index_number"]
    item = api.get("/catalog/item", {"index_number": number}).json()
    assert [a["id"] for a in item["attachments"]] == [version["id"]]
    url = item["attachments"][0]["url"]
    assert url.endswith(f"/catalog/attachment/{version['id']}/") and "/media/" not in url
    served = client.get(url)
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"PK")
    page = client.get(f"/catalog/item/{number}/").content.decode()
    assert f"/catalog/attachment/{version['id']}/" in page and f"/catalog/attachment/{original}/" not in page
    # the original is never served by the public address, not even to staff of the department
    assert client.get(f"/catalog/attachment/{original}/").status_code == 404
    staff_client = Client()
    staff_client.force_login(staff("publicity_handler"))
    assert staff_client.get(f"/catalog/attachment/{original}/").status_code == 404
    assert staff_client.get(f"/workbench/catalog/attachment/{original}/").status_code == 200
    outsider = Client()
    outsider.force_login(staff("traffic_handler"))
    assert outsider.get(f"/workbench/catalog/attachment/{original}/").status_code == 404


def test_redacted_of_is_for_redacted_entries_and_names_an_original_of_the_entry(draft, handler, redacted):
    _entry_id, original = redacted
    public = draft()
    refused = upload(handler, public["id"], "现场.png", PNG, redacted_of=str(original))
    assert refused.status_code == 422 and "redacted_of" in refused.json()["error"]["fields"]
    other = draft(disclosure_attribute="redacted", redacted_body="<p>删减后</p>")
    refused = upload(handler, other["id"], "现场.png", PNG, redacted_of=str(original))
    assert refused.status_code == 422 and "redacted_of" in refused.json()["error"]["fields"]
    assert Attachment.objects.filter(redacted_of__isnull=False).count() == 0


def test_an_unpublished_entry_is_not_reachable_by_a_public_address(draft, handler, head, api_as, staff):
    from zwgk.catalog.services import do_attach

    entry = draft()
    attachment = do_attach(Entry.objects.get(pk=entry["id"]), actor=staff("publicity_handler"), name="现场.png",
                           data=PNG)
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    # an approved entry that already has an index number (published once, then taken back)
    Entry.objects.filter(pk=entry["id"]).update(index_number="11640000010065393W/2026-99999")
    staff_client = Client()
    staff_client.force_login(staff("publicity_head"))
    assert staff_client.get("/catalog/item/11640000010065393W/2026-99999/").status_code == 404
    assert staff_client.get(f"/catalog/attachment/{attachment.pk}/").status_code == 404
    item = api_as("publicity_head").get("/catalog/item", {"index_number": "11640000010065393W/2026-99999"})
    assert item.status_code == 404
