"""Periodic work of applications (Celery beat in production; also ``manage.py application_reminders``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="applications.reminders")
def send_reminders() -> dict[str, int]:
    from zwgk.applications import reminders

    return reminders.run()
