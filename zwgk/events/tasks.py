"""Celery task: tell a citizen about an event of their case (see ``events.notify``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="events.notify_citizen", autoretry_for=(Exception,), retry_backoff=60, max_retries=5)
def notify_citizen(event_id: int) -> int:
    from zwgk.events.notify import notify

    return len(notify(event_id))
