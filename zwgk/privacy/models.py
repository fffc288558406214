"""The masking detectors' word lists as the department keeps them (issue 10; Art. 32: 屏蔽、加密处理
of names, addresses, health status): one row per shipped list, seeded from ``zwgk/privacy/data/``."""

from __future__ import annotations

from django.db import models


class WordListText(models.Model):
    filename = models.CharField("词表文件", max_length=60, primary_key=True)
    text = models.TextField("内容")
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.CharField("修改人", max_length=150, blank=True)

    class Meta:
        verbose_name = "屏蔽词表"
        verbose_name_plural = verbose_name
        ordering = ["filename"]

    def __str__(self) -> str:
        return self.filename
