"""Test settings: the project's settings with fast hashing and the test-only support app."""

import os

os.environ.setdefault("ZWGK_FAST_HASHER", "1")

from zwgk.settings import *  # noqa: F403
from zwgk.settings import INSTALLED_APPS, VAR_DIR

INSTALLED_APPS = [*INSTALLED_APPS, "tests.support"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static publishing re-renders on every change; only tests/publishing turn it on (its own tree).
ZWGK_PUBLISH_ON_CHANGE = False
ZWGK_SITE_DIR = VAR_DIR / "test-site"
# The Redis database the redis-marked tests use; scripts/test gives the two passes, run side by side,
# one each.
TEST_REDIS_URL = os.environ.get("ZWGK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
