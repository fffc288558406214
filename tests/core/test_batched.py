"""core.background.batched: a bulk job's queued work, gathered, runs once at its end, even when the
job fails part-way (what it committed before is still handled)."""

import pytest

from zwgk.core import background


class Task:
    name = "test.task"

    def __init__(self) -> None:
        self.runs: list[list[int]] = []

    def __call__(self, ids: list[int]) -> None:
        self.runs.append(ids)


def test_gathered_ids_run_in_one_call_at_the_end(db, settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    task = Task()
    with django_capture_on_commit_callbacks(execute=True), background.batched():
        for item_id in (1, 2, 3):
            background.queue_after_commit(task, item_id, queue="q", description="test")
        assert task.runs == []
    assert task.runs == [[1, 2, 3]]


def test_what_was_gathered_before_a_failure_still_runs(db, settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    task = Task()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), background.batched():
        background.queue_after_commit(task, 7, queue="q", description="test")
        raise RuntimeError("the third app's demo failed")
    assert task.runs == [[7]]
