"""A minimal case type for testing the generic machinery (deadlines, events) on its own."""

from django.db import models

from zwgk.workdays.models import Deadline


class Timer(Deadline):
    label = models.CharField(max_length=40, default="")

    class Meta:
        app_label = "support"
