"""Celery application: workers and beat in production; eager tasks in the embedded default."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.settings")
app = Celery("zwgk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
