"""Celery tasks: staff alerts after an event, and the daily run (see ``workbench.alerts``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="workbench.alert_staff")
def alert_staff(event_ids: list[int] | None = None) -> int:
    """Alerts for ``event_ids``, or for every event in the queue (``alerts.QUEUE``)."""
    from zwgk.core.background import take_queued
    from zwgk.workbench.alerts import QUEUE, alert_events

    return alert_events(take_queued(QUEUE) if event_ids is None else event_ids)


@shared_task(name="workbench.daily_alerts")
def daily_alerts() -> int:
    from zwgk.workbench.alerts import daily

    return daily()
