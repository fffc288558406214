"""Test settings: the project's settings with fast hashing and the test-only support app."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("ZWGK_FAST_HASHER", "1")

from zwgk.settings import *  # noqa: F403
from zwgk.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.support"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static publishing re-renders on every change; only tests/publishing turn it on (its own tree).
ZWGK_PUBLISH_ON_CHANGE = False
ZWGK_SITE_DIR = Path(tempfile.gettempdir()) / "zwgk-test-site"
