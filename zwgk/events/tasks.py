"""Celery task: tell a citizen about an event of their case (see ``events.notify``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="events.notify_citizen")
def notify_citizen(event_ids: list[int] | None = None) -> int:
    """The notifications of ``event_ids``, or of every event in the queue (``notify.QUEUE``); an
    event that fails goes back to the queue for a run a minute later."""
    from zwgk.core.background import retry_later, take_queued
    from zwgk.events.notify import QUEUE, notify_each

    sent, failed = notify_each(take_queued(QUEUE) if event_ids is None else event_ids)
    retry_later(notify_citizen, QUEUE, failed)
    return sent


@shared_task(name="events.notify_missed")
def notify_missed() -> int:
    """Every ten minutes: the notifications whose queue entry was lost (``notify.missed_events``);
    what fails is left for the next run."""
    from django.utils import timezone

    from zwgk.events.notify import missed_events, notify_each

    return notify_each(missed_events(timezone.now()))[0]
