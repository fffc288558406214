"""Two clerks pressing 发布 at once (issue 8): the registry re-reads the entry under SELECT … FOR
UPDATE, so one transaction publishes and the other, waiting for the lock, finds the entry published
and is refused. Real concurrent transactions need PostgreSQL (SQLite has one writer at a time)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from zwgk.core.transitions import TransitionRefused

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"),
]


def test_two_concurrent_publications_give_one_change_and_one_refusal(reference_data, monkeypatch):
    from django.core.management import call_command

    from zwgk.catalog import search, services
    from zwgk.catalog.models import Entry
    from zwgk.events.models import Event
    from zwgk.org.models import Staff

    call_command("load_demo", stdout=open("/dev/null", "w"))
    handler, head = Staff.objects.get(username="publicity_handler"), Staff.objects.get(username="publicity_head")
    entry = services.do_create_draft(actor=handler, title="同时发布的信息", section="news", category="campaigns",
                                     disclosure_attribute="public", body="<p>全区公安机关开展宣传活动。</p>")
    services.ACTIONS.perform(entry, "submit", actor=handler, body={})
    services.ACTIONS.perform(entry, "review", actor=head, body={"decision": "approve", "opinion": "同意"})

    first_inside = threading.Event()
    index_entry = search.index_entry

    def slow_index(published):  # the first publication holds its lock a while before committing
        first_inside.set()
        time.sleep(0.5)
        index_entry(published)

    monkeypatch.setattr(search, "index_entry", slow_index)
    results: dict[str, object] = {}

    def press(name: str, actor: Staff, wait: bool) -> None:
        if wait:
            first_inside.wait(5)
        try:
            results[name] = services.ACTIONS.perform(Entry.objects.get(pk=entry.pk), "publish", actor=actor, body={})
        except TransitionRefused as refused:
            results[name] = refused
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=("first", handler, False)),
               threading.Thread(target=press, args=("second", head, True))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert isinstance(results["first"], Entry) and results["first"].status == Entry.PUBLISHED
    assert isinstance(results["second"], TransitionRefused)
    assert "已发布" in results["second"].message
    assert Event.objects.filter(object_id=str(entry.pk), action="published").count() == 1
