"""The shape of the catalog's actions (issue 8): one registry on the transition table, every status
from the table, event names with Chinese labels, rights asked of ``org.permissions``."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest
from django.test import Client

from zwgk.catalog import selectors, services
from zwgk.catalog.models import Entry, EntryEvent, EntryStatus
from zwgk.core.errors import Forbidden, NotAuthenticated

pytestmark = pytest.mark.django_db


def act(client, entry_id, action, body=None):
    return client.post(f"/catalog/drafts/{entry_id}/actions/{action}", body or {})


def test_the_tables_states_are_the_entry_statuses():
    assert services.TABLE.states() == set(EntryStatus.values)
    created = {target for _, (_, target) in services.ORIGINS.rows.items()}
    assert created <= set(EntryStatus.values)


def test_every_row_of_the_table_has_its_action():
    assert services.ACTIONS.missing() == []
    assert set(services.ACTIONS) == set(services.TABLE.rows)


def test_every_action_row_is_reachable_from_a_new_entry():
    reached = {target for _, (_, target) in services.ORIGINS.rows.items()}
    changed = True
    while changed:
        changed = False
        for _, (sources, target) in services.TABLE.rows.items():
            targets = set(target) if isinstance(target, tuple) else ({target} if target else set())
            if sources & reached and not targets <= reached:
                reached |= targets
                changed = True
    for action, (sources, _) in services.TABLE.rows.items():
        assert sources & reached, action


def test_the_review_decisions_are_the_targets_of_the_review_row():
    assert set(get_args(services.ReviewChoice)) == set(services.REVIEW_TARGETS)
    assert set(services.REVIEW_TARGETS.values()) == set(services.TABLE.rows["review"][1])


def test_an_unregistered_event_name_is_refused(draft):
    from zwgk.events.services import record

    entry = Entry.objects.get(pk=draft()["id"])
    with pytest.raises(ValueError):
        record(entry, "publish_done")


def test_the_workbench_timeline_speaks_chinese(draft, handler, staff):
    entry = draft()
    act(handler, entry["id"], "submit")
    client = Client()
    client.force_login(staff("publicity_handler"))
    page = client.get(f"/workbench/catalog/{entry['id']}/").content.decode()
    assert f'<strong class="event-name">{EntryEvent.SUBMITTED.label}</strong>' in page
    assert '<strong class="event-name">submitted</strong>' not in page


def test_an_import_needs_the_right_and_takes_its_status_from_the_table(demo, staff):
    from zwgk.catalog.models import Category, Section

    section = Section.objects.filter(department__code="legal").first()
    fields = {"index_number": "IMPORT/1", "title": "旧文件", "publisher": "公安厅法制总队",
              "published_on": date(2016, 5, 3), "section": section, "category": Category.objects.get(code="laws"),
              "body": "<p>正文</p>"}
    with pytest.raises(NotAuthenticated):
        services.do_import_entry(actor=None, **fields)
    with pytest.raises(Forbidden):
        services.do_import_entry(actor=staff("traffic_handler"), **fields)
    assert not Entry.objects.filter(index_number="IMPORT/1").exists()
    entry = services.do_import_entry(actor=staff("clerk"), **fields)
    assert entry.status == services.ORIGINS.target("import_entry", services.NEW) == Entry.PUBLISHED


def test_validity_changes_only_through_the_logged_action(draft, handler, head):
    from django.contrib import admin

    from zwgk.events.models import Event

    entry = draft()
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    act(handler, entry["id"], "publish")
    assert act(handler, entry["id"], "set_validity", {"validity": "repealed"}).status_code == 403
    changed = act(head, entry["id"], "set_validity", {"validity": "repealed"})
    assert changed.status_code == 200
    assert Event.objects.filter(object_id=str(entry["id"]), action=EntryEvent.VALIDITY_CHANGED).count() == 1
    assert act(head, entry["id"], "set_validity", {"validity": "obsolete"}).status_code == 422
    # the admin site edits nothing the service layer owns
    assert Entry not in admin.site._registry


def test_the_admin_site_changes_sensitive_words_through_the_service_with_an_event(staff, rf):
    from django.contrib import admin

    from zwgk.catalog.models import SensitiveWord, SensitiveWordEvent
    from zwgk.events.models import Event

    word_admin = admin.site._registry[SensitiveWord]
    request = rf.post("/admin/")
    request.user = staff("publicity_handler")
    assert not word_admin.has_change_permission(request)
    request.user = staff("secrecy")
    assert word_admin.has_add_permission(request)
    word = SensitiveWord(word="专案代号")
    word_admin.save_model(request, word, None, change=False)
    word_admin.delete_model(request, word)
    names = list(Event.objects.filter(action__startswith="word_").values_list("action", flat=True))
    assert names == [SensitiveWordEvent.ADDED, SensitiveWordEvent.REMOVED]


def test_an_action_body_that_is_not_a_json_object_is_a_422(draft, handler):
    entry = draft()
    response = handler.client.post(f"/api/v1/catalog/drafts/{entry['id']}/actions/submit", "[1]",
                                   content_type="application/json",
                                   headers={"Authorization": f"Bearer {handler.token}"})
    assert response.status_code == 422 and response.json()["error"]["fields"] == {"body": "应为 JSON 对象"}


def test_an_unknown_field_in_an_action_body_is_refused(draft, handler):
    entry = draft()
    response = act(handler, entry["id"], "submit", {"comment": "请审核"})
    assert response.status_code == 422 and "comment" in response.json()["error"]["fields"]


def test_due_soon_is_the_profiles_three_working_days(draft, handler, head, staff, on_day):
    on_day(date(2026, 10, 9))
    entry = draft(title="即将到期的信息")
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": "同意"})
    assert Entry.objects.get(pk=entry["id"]).due_on == date(2026, 10, 15)
    # Monday 10/12: 10/15 is the third working day, "soon" under the profile's due_soon (3)
    on_day(date(2026, 10, 12))
    groups = selectors.due_for_publication(staff("publicity_handler"))
    assert [e.pk for e in groups["due_soon"]] == [entry["id"]]
