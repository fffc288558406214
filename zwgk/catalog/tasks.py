"""Periodic work of the catalog (Celery; the embedded default runs it eagerly or by the command)."""

from __future__ import annotations

from celery import shared_task

from zwgk.catalog.services import publish_scheduled


@shared_task(name="catalog.publish_scheduled")
def publish_scheduled_task() -> int:
    """Publish approved entries whose scheduled time has come (also: manage.py publish_scheduled)."""
    return publish_scheduled()
