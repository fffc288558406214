"""The holiday calendar, policy profiles and the stored form of every deadline.

Art. 15, 18, 26, 31 count in working days (工作日); which days work is set yearly by the State
Council's notice, so the calendar is data that staff keep (API.md "The counting rule").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CalendarYear(models.Model):
    """A year whose calendar is known. Years without a row are counted weekends-only, provisionally."""

    year = models.PositiveSmallIntegerField("年份", primary_key=True)
    source = models.CharField("来源", max_length=200)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="更新人", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = verbose_name
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class CalendarDay(models.Model):
    """A public holiday (放假) or a weekend day made a working day (调休上班)."""

    HOLIDAY = "holiday"
    WORKDAY = "workday"
    KINDS = [(HOLIDAY, "放假"), (WORKDAY, "调休上班")]

    date = models.DateField("日期", primary_key=True)
    year = models.ForeignKey(CalendarYear, on_delete=models.CASCADE, related_name="days")
    kind = models.CharField("类型", max_length=10, choices=KINDS)
    name = models.CharField("节日", max_length=40, blank=True)

    class Meta:
        verbose_name = "节假日"
        verbose_name_plural = verbose_name
        ordering = ["date"]


class PolicyProfile(models.Model):
    """The time limits in force, in working days, as data (DESIGN.md principle 2).

    ``limits``: application_reply, application_extension, supplement_notice, third_party_reply,
    publication. ``message_reply``: {kind: {complexity: days}} (Art. 31). ``new_media_reply``:
    {complexity: days} (Art. 37; 0 = the same day).
    """

    code = models.SlugField("代码", max_length=40, primary_key=True)
    name = models.CharField("名称", max_length=100)
    limits = models.JSONField("时限")
    message_reply = models.JSONField("网民信息答复时限")
    new_media_reply = models.JSONField("政务新媒体反馈时限")

    class Meta:
        verbose_name = "时限规则"
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return self.name


class Deadline(models.Model):
    """Abstract: a stored deadline — an indexed date plus what it was counted from.

    Any deadline is "``due_days`` working days from ``due_start``" (adding m then n working days is
    adding m + n), so it can be recounted when a year's calendar is saved. Overdue is derived from
    ``due_on``, never stored.
    """

    due_on = models.DateField("答复期限", null=True, blank=True, db_index=True)
    due_start = models.DateField("起算日", null=True, blank=True)
    due_days = models.PositiveIntegerField("工作日数", null=True, blank=True)
    due_provisional = models.BooleanField("期限为暂定", default=False, db_index=True)

    class Meta:
        abstract = True
