"""Celery tasks: staff alerts after an event, and the daily run (see ``workbench.alerts``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="workbench.alert_staff")
def alert_staff(event_id: int) -> int:
    from zwgk.workbench.alerts import alert_event

    return alert_event(event_id)


@shared_task(name="workbench.daily_alerts")
def daily_alerts() -> int:
    from zwgk.workbench.alerts import daily

    return daily()
