"""Staff are told when work reaches them: an alert per item of their to-do list that arrived, came
back, awaits their signature or is about to be late (Art. 15, 20, 31)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StaffAlert(models.Model):
    """One thing that reached a person; ``key`` (the item's url, flag and reason) keeps a person
    from being told the same thing twice."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    key = models.CharField(max_length=300)
    title = models.CharField("事项", max_length=300)
    reason = models.CharField("原因", max_length=200, blank=True)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    emailed = models.BooleanField("已发邮件", default=False)

    class Meta:
        verbose_name = "工作提醒"
        verbose_name_plural = verbose_name
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["staff", "key"], name="one_alert_per_item_and_state")]
