"""Periodic work of the assessment (Celery beat in production; also ``manage.py probe_portal``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="assessment.probe_portal")
def probe_portal() -> bool | None:
    from zwgk.assessment import probe

    result = probe.probe()
    return None if result is None else result.ok
