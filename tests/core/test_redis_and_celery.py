"""The production back ends, against the real servers: Redis as cache, Celery over Redis."""

import pytest
from django.core.cache.backends.redis import RedisCache

from tests.settings import TEST_REDIS_URL as REDIS
from zwgk.celery import app

pytestmark = pytest.mark.redis


def test_redis_cache_round_trip():
    cache = RedisCache(REDIS, {})
    cache.set("zwgk:test", {"年份": 2026}, 30)
    assert cache.get("zwgk:test") == {"年份": 2026}
    cache.delete("zwgk:test")


def test_a_task_runs_on_a_celery_worker_over_redis(settings):
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
    from celery.contrib.testing.worker import start_worker

    def use(**conf: object) -> None:
        app.conf.update(**conf)
        app._local.__dict__.pop("backend", None)  # the result backend is cached per thread

    use(broker_url=REDIS, result_backend=REDIS, task_always_eager=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            result = app.send_task("celery.ping")
            assert result.get(timeout=20) == "pong"
    finally:
        use(broker_url="memory://", result_backend=None, task_always_eager=True)
