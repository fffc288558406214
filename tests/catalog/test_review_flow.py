"""The publishing review (Art. 4, 5, 26): handler drafts, head reviews, secrecy office decides when
referred, the scan stops what should not go out, publication makes the index number."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.catalog.conftest import VALID_ID
from zwgk.catalog.models import Entry, ReviewRecord
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db


def act(client, entry_id, action, body=None):
    return client.post(f"/catalog/drafts/{entry_id}/actions/{action}", body or {})


def test_draft_goes_through_review_to_publication_with_an_index_number(draft, handler, head, on_day):
    on_day(date(2026, 9, 30))
    entry = draft()
    assert entry["status"] == "draft" and entry["due_on"] is None
    assert act(handler, entry["id"], "submit").json()["status"] == "in_review"
    approved = act(head, entry["id"], "review", {"decision": "approve", "secret": False, "opinion": "同意公开"}).json()
    assert approved["status"] == "approved"
    # 5 working days from 9/30: National Day 10/1–10/7, then 10/8, 10/9, Saturday 10/10, 10/12, 10/13
    assert approved["due_on"] == "2026-10-13"
    published = act(handler, entry["id"], "publish").json()
    assert published["status"] == "published"
    assert re.fullmatch(r"11640000010065393W/2026-\d{5}", published["index_number"])
    assert published["published_on"] == "2026-09-30"
    [row] = published["ledger"]
    assert row["reviewer"] == "宣传处负责人" and row["decision"] == "approve" and row["secret"] is False
    assert row["date"] == "2026-09-30" and row["item"] == entry["title"]


def test_index_numbers_are_unique_and_never_reused(draft, handler, head):
    numbers = []
    for title in ("第一条信息", "第二条信息"):
        entry = draft(title=title)
        act(handler, entry["id"], "submit")
        act(head, entry["id"], "review", {"decision": "approve", "opinion": ""})
        numbers.append(act(handler, entry["id"], "publish").json()["index_number"])
    assert numbers[0] != numbers[1]
    Entry.objects.filter(index_number=numbers[1]).update(index_number=None, status=Entry.APPROVED)
    entry = Entry.objects.get(title="第二条信息")
    republished = act(handler, entry.pk, "publish").json()["index_number"]
    assert republished not in numbers


def test_head_returns_a_draft_with_an_opinion(draft, handler, head):
    entry = draft()
    act(handler, entry["id"], "submit")
    refused = act(head, entry["id"], "review", {"decision": "return"})
    assert refused.status_code == 422 and "opinion" in refused.json()["error"]["fields"]
    returned = act(head, entry["id"], "review", {"decision": "return", "opinion": "请补充发布依据"}).json()
    assert returned["status"] == "draft"
    assert returned["ledger"][-1]["decision"] == "return"
    assert returned["ledger"][-1]["opinion"] == "请补充发布依据"


def test_referral_goes_to_the_secrecy_office_whose_decision_is_final(draft, handler, head, secrecy):
    entry = draft()
    act(handler, entry["id"], "submit")
    referred = act(head, entry["id"], "review",
                   {"decision": "refer_secrecy", "secret": False, "opinion": "是否涉密不能确定"}).json()
    assert referred["status"] == "secrecy_review"
    # the head cannot decide it any more; the secrecy office can
    assert act(head, entry["id"], "review", {"decision": "approve"}).status_code == 403
    decided = act(secrecy, entry["id"], "review", {
        "decision": "approve", "secret": False, "opinion": "不涉密，可以公开",
        "higher_office": "已报自治区保密局审定，答复不涉密",
    }).json()
    assert decided["status"] == "approved"
    stages = [(r["stage"], r["decision"]) for r in decided["ledger"]]
    assert stages == [("content", "refer_secrecy"), ("secrecy", "approve")]
    assert decided["ledger"][-1]["higher_office"] == "已报自治区保密局审定，答复不涉密"
    assert decided["ledger"][-1]["department"] == "厅保密办"


def test_secrecy_office_cannot_refer_again(draft, handler, head, secrecy):
    entry = draft()
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "refer_secrecy", "opinion": "不能确定"})
    response = act(secrecy, entry["id"], "review", {"decision": "refer_secrecy", "opinion": "再转"})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "action_not_allowed"


def test_content_found_secret_cannot_be_approved(draft, handler, secrecy, head):
    entry = draft()
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "refer_secrecy", "opinion": "不能确定"})
    response = act(secrecy, entry["id"], "review", {"decision": "approve", "secret": True, "opinion": "涉密"})
    assert response.status_code == 422
    returned = act(secrecy, entry["id"], "review",
                   {"decision": "return", "secret": True, "opinion": "涉及警务工作秘密"})
    assert returned.json()["status"] == "draft"
    assert returned.json()["ledger"][-1]["secret"] is True


def test_a_draft_holding_a_valid_id_number_is_stopped_for_the_reviewer(draft, handler, head, secrecy):
    entry = draft(body=f"<p>经查，当事人张某（公民身份号码{VALID_ID}）已到案。</p>")
    submitted = act(handler, entry["id"], "submit").json()
    assert [f["kind"] for f in submitted["scan"]] == ["resident_id"]
    assert "公民身份号码【" in submitted["scan"][0]["excerpt"]
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    refused = act(handler, entry["id"], "publish")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "scan_findings"
    assert Entry.objects.get(pk=entry["id"]).status == Entry.APPROVED
    published = act(secrecy, entry["id"], "publish", {"override_reason": "系公开通缉信息，经领导同意公开",
                                                      "accepted_findings": [submitted["scan"][0]["id"]]}).json()
    assert published["status"] == "published"
    override = published["ledger"][-1]
    assert override["decision"] == "override" and override["opinion"] == "系公开通缉信息，经领导同意公开"


def test_an_id_like_number_with_a_wrong_check_digit_is_flagged_as_suspected_not_the_office_phone(
    draft, handler, head
):
    entry = draft(body="<p>案件编号110105194912310021，咨询电话0951-6136088。</p>")
    scan = act(handler, entry["id"], "submit").json()["scan"]
    assert [f["kind"] for f in scan] == ["suspected_id"]
    assert "【110*************21】" in scan[0]["excerpt"]


def test_sensitive_words_are_data(draft, handler):
    from zwgk.catalog.models import SensitiveWord

    SensitiveWord.objects.create(word="专案代号")
    entry = draft(body="<p>此次行动专案代号为“雷霆”。</p>")
    scan = act(handler, entry["id"], "submit").json()["scan"]
    assert [f["kind"] for f in scan] == ["sensitive_word"]
    assert "【专案代号】" in scan[0]["excerpt"]


def test_redacted_entry_publishes_the_redacted_body_only(draft, handler, head, api):
    entry = draft(disclosure_attribute="redacted", body="<p>原文：内部联系人李某。</p>",
                  redacted_body="<p>删减后：联系方式略。</p>")
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意删减后公开"})
    number = act(handler, entry["id"], "publish").json()["index_number"]
    item = api.get("/catalog/item", {"index_number": number}).json()
    assert "删减后" in item["body"] and "内部联系人" not in item["body"]
    assert api.get("/catalog", {"q": "内部联系人"}).json()["count"] == 0


def test_redacted_without_a_redacted_body_is_refused(handler):
    response = handler.post("/catalog/drafts", {"title": "某文件", "section": "news", "category": "campaigns",
                                                "body": "<p>正文</p>", "disclosure_attribute": "redacted"})
    assert response.status_code == 422 and "redacted_body" in response.json()["error"]["fields"]


def test_not_public_entry_cannot_be_approved(draft, handler, head):
    entry = draft(disclosure_attribute="not_public")
    act(handler, entry["id"], "submit")
    assert act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"}).status_code == 422


def test_withdrawal_needs_a_reason_and_the_catalog_keeps_the_record(draft, handler, head, api, client):
    entry = draft(title="关于端午龙舟赛事期间交通管制的通告")
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    number = act(handler, entry["id"], "publish").json()["index_number"]
    assert act(handler, entry["id"], "withdraw", {"reason": "内容有误"}).status_code == 403
    assert act(head, entry["id"], "withdraw", {"reason": ""}).status_code == 422
    withdrawn = act(head, entry["id"], "withdraw", {"reason": "数据有误，更正后重新发布", "replace": True}).json()
    assert withdrawn["status"] == "withdrawn" and withdrawn["index_number"] == number
    assert withdrawn["replaced_by"] is not None
    assert Entry.objects.get(pk=withdrawn["replaced_by"]).status == Entry.DRAFT
    assert api.get("/catalog/item", {"index_number": number}).status_code == 404
    page = client.get(f"/catalog/item/{number}/")
    assert page.status_code == 410 and "数据有误，更正后重新发布" in page.content.decode()
    found = api.get("/catalog", {"q": "龙舟赛事"}).json()["results"]
    assert number not in [r["index_number"] for r in found]


def test_scheduled_publication_happens_when_its_time_comes(draft, handler, head):
    from datetime import timedelta

    from django.utils import timezone

    from zwgk.catalog.services import publish_scheduled

    entry = draft()
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    at = timezone.now() + timedelta(hours=2)
    scheduled = act(handler, entry["id"], "publish", {"scheduled_for": at.isoformat()}).json()
    assert scheduled["status"] == "approved" and scheduled["scheduled_for"] is not None
    assert publish_scheduled(timezone.now()) == 0
    assert publish_scheduled(at + timedelta(minutes=1)) == 1
    assert Entry.objects.get(pk=entry["id"]).status == Entry.PUBLISHED


def test_every_action_writes_an_event(draft, handler, head):
    entry = draft()
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    act(handler, entry["id"], "publish")
    actions = list(Event.objects.for_object(Entry.objects.get(pk=entry["id"])).values_list("action", flat=True))
    assert actions == ["drafted", "submitted", "review_approve", "published"]
    assert ReviewRecord.objects.filter(entry_id=entry["id"]).count() == 1
