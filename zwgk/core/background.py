"""Work that follows an action once its transaction has committed: on a Celery worker in
production, in-process in the embedded default (``CELERY_TASK_ALWAYS_EAGER``), where a failure is
logged and never fails the action that caused it (a mail server or an SMS gateway being down)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def after_commit(task: Any, *args: Any, description: str) -> None:
    """Run the Celery ``task`` with ``args`` after the current transaction commits."""
    if not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        transaction.on_commit(lambda: task.delay(*args))
        return

    def run_here() -> None:
        try:
            task(*args)
        except Exception:
            logger.exception("%s failed", description)

    transaction.on_commit(run_here)
