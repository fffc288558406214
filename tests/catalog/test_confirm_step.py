"""发布 and 撤回 go through a confirmation page first (issue 13); publishing and an approving review
ask for the password again when the last check is old (issue 10); the API token counts as recent."""

from __future__ import annotations

import time

import pytest

from tests.support.sessions import logged_in
from zwgk.catalog.models import Entry
from zwgk.security.models import AuditEntry
from zwgk.security.reauth import CHECKED

pytestmark = pytest.mark.django_db




@pytest.fixture
def approved(draft, handler, head):
    entry = draft()
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    head.post(f"/catalog/drafts/{entry['id']}/actions/review", {"decision": "approve", "opinion": "同意"})
    return entry


def test_first_publish_post_shows_the_confirmation_and_changes_nothing(approved, staff):
    response = logged_in(staff("publicity_handler")).post(f"/workbench/catalog/{approved['id']}/",
                                                        {"action": "publish"})
    page = response.content.decode()
    assert response.status_code == 200 and "确认发布" in page and approved["title"] in page
    assert "立即在门户网站发布" in page and 'name="action" value="publish"' in page
    assert Entry.objects.get(pk=approved["id"]).status == Entry.APPROVED


def test_confirmed_publish_post_publishes(approved, staff):
    response = logged_in(staff("publicity_handler")).post(f"/workbench/catalog/{approved['id']}/",
                                                        {"action": "publish", "confirmed": "1"})
    assert response.status_code == 302 and Entry.objects.get(pk=approved["id"]).status == Entry.PUBLISHED


def test_publishing_after_the_window_needs_the_password_on_the_confirm_page(approved, staff):
    client = logged_in(staff("publicity_handler"), checked_minutes_ago=45)
    url = f"/workbench/catalog/{approved['id']}/"
    page = client.post(url, {"action": "publish"}).content.decode()
    assert "确认发布" in page and 'name="reauth_password"' in page
    refused = client.post(url, {"action": "publish", "confirmed": "1"})
    assert refused.status_code == 403 and Entry.objects.get(pk=approved["id"]).status == Entry.APPROVED
    done = client.post(url, {"action": "publish", "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert done.status_code == 302 and Entry.objects.get(pk=approved["id"]).status == Entry.PUBLISHED
    audit = AuditEntry.objects.filter(kind="reauth", actor="publicity_handler").order_by("seq")
    assert [(a.result, a.detail["action"]) for a in audit] == [("failure", "catalog.publish"),
                                                               ("success", "catalog.publish")]
    assert client.session[CHECKED] >= time.time() - 60  # recent now: the next weighty action asks nothing


def test_wrong_passwords_on_the_re_check_lock_the_account_like_a_login(approved, staff, settings):
    settings.ZWGK_LOGIN_MAX_FAILURES = 2
    client = logged_in(staff("publicity_handler"), checked_minutes_ago=45)
    url = f"/workbench/catalog/{approved['id']}/"
    for _ in range(2):
        client.post(url, {"action": "publish", "confirmed": "1", "reauth_password": "wrong"})
    locked = client.post(url, {"action": "publish", "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert locked.status_code == 403 and "锁定" in locked.content.decode()
    assert Entry.objects.get(pk=approved["id"]).status == Entry.APPROVED
    assert AuditEntry.objects.filter(kind="lockout").exists()


def test_withdraw_is_confirmed_before_the_entry_leaves_the_portal(approved, staff):
    logged_in(staff("publicity_handler")).post(f"/workbench/catalog/{approved['id']}/",
                                             {"action": "publish", "confirmed": "1"})
    client = logged_in(staff("publicity_head"))
    url = f"/workbench/catalog/{approved['id']}/"
    page = client.post(url, {"action": "withdraw", "reason": "内容已过时"}).content.decode()
    assert "确认撤回" in page and "内容已过时" in page and "从门户网站撤下" in page
    assert Entry.objects.get(pk=approved["id"]).status == Entry.PUBLISHED
    client.post(url, {"action": "withdraw", "reason": "内容已过时", "confirmed": "1"})
    assert Entry.objects.get(pk=approved["id"]).status == Entry.WITHDRAWN


def test_an_approving_review_after_the_window_asks_for_the_password(draft, handler, staff):
    entry = draft()
    handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
    client = logged_in(staff("publicity_head"), checked_minutes_ago=31)
    body = {"action": "review", "decision": "approve", "opinion": "同意"}
    page = client.post(f"/workbench/catalog/{entry['id']}/", body).content.decode()
    assert "再次验证密码" in page and Entry.objects.get(pk=entry["id"]).status == Entry.IN_REVIEW
    client.post(f"/workbench/catalog/{entry['id']}/", {**body, "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert Entry.objects.get(pk=entry["id"]).status == Entry.APPROVED


def test_an_api_token_counts_as_recent_authentication_for_its_lifetime(approved, handler, settings):
    settings.ZWGK_REAUTH_MINUTES = 0
    response = handler.post(f"/catalog/drafts/{approved['id']}/actions/publish", {})
    assert response.status_code == 200, response.content
    assert Entry.objects.get(pk=approved["id"]).status == Entry.PUBLISHED
