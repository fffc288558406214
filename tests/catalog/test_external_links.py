"""Links to sites outside party and government domains need approval before the entry holding them
is published: 网安总队 or 科信局 consult, then the supervising leader approves (Art. 40)."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.catalog import external_links
from zwgk.catalog.models import ExternalLink, LinkStatus
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db

OUTSIDE = '<p>详见<a href="https://www.example.com/guide?id=1">办事指南</a>。</p>'


def act(client, entry_id, action, body=None):
    return client.post(f"/catalog/drafts/{entry_id}/actions/{action}", body or {})


def approved_entry(draft, handler, head, **fields):
    entry = draft(**fields)
    assert act(handler, entry["id"], "submit").status_code == 200
    assert act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意公开"}).status_code == 200
    return entry


def test_an_outside_link_is_requested_at_submission_and_blocks_publication(draft, handler, head, on_day):
    on_day(date(2026, 10, 12))
    entry = approved_entry(draft, handler, head, body=OUTSIDE)
    link = ExternalLink.objects.get()
    assert (link.host, link.status, link.entry_id) == ("www.example.com", LinkStatus.REQUESTED, entry["id"])
    response = act(handler, entry["id"], "publish")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "external_links_unapproved" and "https://www.example.com/guide?id=1" in error["message"]
    assert "第四十条" in error["message"] and "body" in error["fields"]
    assert handler.get(f"/catalog/drafts/{entry['id']}").json()["status"] == "approved"


def test_after_consultation_and_the_leaders_approval_the_entry_publishes(draft, handler, head, staff):
    entry = approved_entry(draft, handler, head, body=OUTSIDE)
    link = ExternalLink.objects.get()
    external_links.ACTIONS.perform(link, "consult_link", actor=staff("cyber_head"), body={"opinion": "网站安全"})
    assert act(handler, entry["id"], "publish").status_code == 409  # consulted is not approved
    external_links.ACTIONS.perform(link, "approve_link", actor=staff("leader"), body={})
    assert act(handler, entry["id"], "publish").json()["status"] == "published"
    link.refresh_from_db()
    assert link.consulted_by == staff("cyber_head") and link.approved_by == staff("leader")
    actions = list(Event.objects.for_object(link).values_list("action", flat=True))
    assert actions == ["link_requested", "link_consulted", "link_approved"]


def test_an_approved_site_needs_no_second_approval(draft, handler, head, staff):
    ExternalLink.objects.create(host="www.example.com", url="https://www.example.com/", status=LinkStatus.APPROVED)
    entry = approved_entry(draft, handler, head, body=OUTSIDE)
    assert ExternalLink.objects.count() == 1
    assert act(handler, entry["id"], "publish").json()["status"] == "published"


@pytest.mark.parametrize("body", [
    '<p><a href="https://www.mps.gov.cn/n2254314/index.html">公安部</a></p>',
    '<p><a href="/apply/">申请公开</a> <a href="http://www.12377.cn/">举报</a></p>',
    "<p>新华网 https://www.news.cn/politics/ 报道</p>",
])
def test_party_and_government_sites_need_no_approval(draft, handler, head, body):
    entry = approved_entry(draft, handler, head, body=body)
    assert not ExternalLink.objects.exists()
    assert act(handler, entry["id"], "publish").json()["status"] == "published"


def test_an_address_in_an_attachment_or_the_text_counts_too(draft, handler, head):
    entry = approved_entry(draft, handler, head, body="<p>报名网址：https://signup.example.org/form。</p>")
    assert ExternalLink.objects.get().host == "signup.example.org"
    assert act(handler, entry["id"], "publish").status_code == 409


def test_the_steps_go_in_order_and_by_right(draft, handler, head, staff):
    approved_entry(draft, handler, head, body=OUTSIDE)
    link = ExternalLink.objects.get()
    with pytest.raises(TransitionRefused):
        external_links.ACTIONS.perform(link, "approve_link", actor=staff("leader"), body={})
    with pytest.raises(Forbidden):
        external_links.ACTIONS.perform(link, "consult_link", actor=staff("leader"), body={})
    with pytest.raises(Forbidden):
        external_links.ACTIONS.perform(link, "consult_link", actor=staff("publicity_head"), body={})
    external_links.ACTIONS.perform(link, "consult_link", actor=staff("tech_head"), body={})
    with pytest.raises(Forbidden):
        external_links.ACTIONS.perform(link, "approve_link", actor=staff("cyber_head"), body={})


def test_refusing_needs_a_reason_and_a_new_submission_asks_again(draft, handler, head, staff):
    entry = approved_entry(draft, handler, head, body=OUTSIDE)
    link = ExternalLink.objects.get()
    with pytest.raises(InvalidInput, match="意见"):
        external_links.ACTIONS.perform(link, "refuse_link", actor=staff("cyber_head"), body={})
    external_links.ACTIONS.perform(link, "refuse_link", actor=staff("cyber_head"), body={"opinion": "与履职无关"})
    assert ExternalLink.objects.get().status == LinkStatus.REFUSED
    assert act(handler, entry["id"], "publish").status_code == 409


def test_the_workbench_page_takes_both_steps(draft, handler, head, staff, client):
    approved_entry(draft, handler, head, body=OUTSIDE)
    link = ExternalLink.objects.get()
    client.force_login(staff("cyber_head"))
    page = client.get("/workbench/catalog/external-links/").content.decode()
    assert "www.example.com" in page and "网安、科信部门会商同意" in page and "第四十条" in page
    client.post("/workbench/catalog/external-links/", {"link": link.pk, "action": "consult_link", "opinion": "可以"})
    client.force_login(staff("leader"))
    response = client.post("/workbench/catalog/external-links/", {"link": link.pk, "action": "approve_link"},
                           follow=True)
    assert "分管厅领导批准" in response.content.decode()
    assert ExternalLink.objects.get().status == LinkStatus.APPROVED


def test_the_api_lists_the_register_and_takes_both_steps(draft, handler, head, api_as):
    approved_entry(draft, handler, head, body=OUTSIDE)
    cyber, leader = api_as("cyber_head"), api_as("leader")
    [row] = cyber.get("/catalog/external-links").json()
    assert row["host"] == "www.example.com" and row["allowed_actions"] == ["consult_link", "refuse_link"]
    assert leader.post(f"/catalog/external-links/{row['id']}/actions/approve_link", {}).status_code == 409
    assert cyber.post(f"/catalog/external-links/{row['id']}/actions/consult_link", {"opinion": "可"}).json()[
        "status"] == "consulted"
    done = leader.post(f"/catalog/external-links/{row['id']}/actions/approve_link", {}).json()
    assert done["status"] == "approved" and done["approved_by"]


def test_the_entry_page_names_the_links_awaiting_approval(draft, handler, head, staff, client):
    entry = approved_entry(draft, handler, head, body=OUTSIDE)
    client.force_login(staff("publicity_handler"))
    page = client.get(f"/workbench/catalog/{entry['id']}/").content.decode()
    assert "外部链接待批准" in page and "https://www.example.com/guide?id=1" in page
