"""Test settings: the project's settings with fast hashing and the test-only support app."""

import os

os.environ.setdefault("ZWGK_FAST_HASHER", "1")

from zwgk.settings import *  # noqa: F403
from zwgk.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.support"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
