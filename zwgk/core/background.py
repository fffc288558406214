"""Work that follows an action once its transaction has committed: on a Celery worker in
production, in-process in the embedded default (``CELERY_TASK_ALWAYS_EAGER``), where a failure is
logged and never fails the action that caused it (a mail server or an SMS gateway being down).

Work that follows every public submission (the citizen's receipt, the staff alerts) is queued by
id in Redis instead, and one task a moment later takes the whole queue: sending a Celery message
costs the request about 3 ms of CPU, a Redis set insertion a tenth of that, and a burst of
submissions becomes a few tasks instead of one per submission (issue 11, intake throughput).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

QUEUE_DELAY_SECONDS = 1
RETRY_DELAY_SECONDS = 60
MAX_RETRIES = 5

logger = logging.getLogger(__name__)

# The runs a bulk job gathers in the embedded default (``batched``): task -> the ids it is to handle.
_GATHERED: ContextVar[dict[Any, list[int]] | None] = ContextVar("gathered_runs", default=None)


def _eager() -> bool:
    return bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False))


def after_commit(task: Any, *args: Any, description: str) -> None:
    """Run the Celery ``task`` with ``args`` after the current transaction commits."""
    if not _eager():
        transaction.on_commit(lambda: task.delay(*args))
        return

    def run_here() -> None:
        try:
            task(*args)
        except Exception:
            logger.exception("%s failed", description)

    transaction.on_commit(run_here)


def queue_after_commit(task: Any, item_id: int, *, queue: str, description: str) -> None:
    """After the commit, have ``task(ids)`` handle ``item_id``: at once in-process in the embedded
    default; with Celery, through the Redis set ``queue`` that ``task()`` empties (``take_queued``)."""
    if not _eager():
        transaction.on_commit(lambda: enqueue(task, queue, [item_id]), robust=True)
    elif (gathered := _GATHERED.get()) is not None:
        gathered.setdefault(task, []).append(item_id)
    else:
        after_commit(task, [item_id], description=description)


@contextmanager
def batched() -> Iterator[None]:
    """In the embedded default, a bulk job's queued work runs once at its end, each task with all
    its ids, as a Celery worker takes a burst from the queue: loading the demo data writes some 150
    case events, and a staff alert run per event computes every concerned person's to-do list each
    time (tens of seconds in all). An id whose transaction was rolled back meanwhile is passed
    too; the tasks skip events that do not exist. When the job fails part-way, what it committed
    before is still handled."""
    gathered: dict[Any, list[int]] = {}
    token = _GATHERED.set(gathered)
    try:
        yield
    finally:
        _GATHERED.reset(token)
        for task, ids in gathered.items():
            after_commit(task, ids, description=f"{task.name} for {len(ids)} events")


def enqueue(task: Any, queue: str, ids: list[int], delay: int = QUEUE_DELAY_SECONDS) -> None:
    """Add ``ids`` to ``queue`` and schedule one run of ``task`` unless one is already due: the
    insertion and the mark ``{queue}:scheduled`` (set if absent) in one round trip to Redis."""
    from django_redis import get_redis_connection

    pipe = get_redis_connection().pipeline(transaction=False)
    pipe.sadd(queue, *ids)
    pipe.set(f"{queue}:scheduled", 1, ex=delay * 10, nx=True)
    if pipe.execute()[1]:
        task.apply_async(countdown=delay)


def take_queued(queue: str) -> list[int]:
    """Empty ``queue``. The scheduled mark is cleared first, so an id queued from now on schedules
    the next run and none is left waiting."""
    from django_redis import get_redis_connection

    client = get_redis_connection()
    client.delete(f"{queue}:scheduled")
    ids: list[int] = []
    while batch := client.spop(queue, 1000):
        ids.extend(int(i) for i in batch)
    return ids


def retry_later(task: Any, queue: str, ids: list[int]) -> None:
    """Put back what failed, for a run in a minute, at most ``MAX_RETRIES`` times each (nothing
    to put back in the embedded default, where the failure was logged)."""
    if _eager():
        return
    again = []
    for item_id in ids:
        key = f"{queue}:attempts:{item_id}"
        cache.add(key, 0, timeout=RETRY_DELAY_SECONDS * (MAX_RETRIES + 2))
        if cache.incr(key) <= MAX_RETRIES:
            again.append(item_id)
        else:
            logger.error("%s: gave up on %s after %s attempts", queue, item_id, MAX_RETRIES + 1)
    if again:
        enqueue(task, queue, again, delay=RETRY_DELAY_SECONDS)
