"""The static tree's record: the fingerprint of every file rendered (Art. 40, 网页防篡改), and the
alerts tamper checks raise to the technology bureau and the cyber security corps."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PublishedFile(models.Model):
    """One file of the static tree as rendered: its path under ``ZWGK_SITE_DIR``, the URL it was
    rendered from, and the sha256 of its bytes. What is not here must not be in the tree."""

    path = models.CharField("文件", max_length=500, unique=True)
    url = models.CharField("网址", max_length=500)
    sha256 = models.CharField("指纹", max_length=64)
    size = models.PositiveIntegerField("字节数")
    rendered_at = models.DateTimeField("生成时间")

    class Meta:
        verbose_name = "静态页面指纹"
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return self.path


class TamperAlert(models.Model):
    """One difference a tamper check found and repaired: a file altered, missing or not ours."""

    class Kind(models.TextChoices):
        ALTERED = "altered", "被篡改"
        MISSING = "missing", "缺失"
        EXTRA = "extra", "多余文件"

    found_at = models.DateTimeField("发现时间", db_index=True)
    path = models.CharField("文件", max_length=500)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    difference = models.TextField("差异", blank=True)
    repaired = models.BooleanField("已恢复", default=True)
    acknowledged_at = models.DateTimeField("确认时间", null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="确认人", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "网页篡改告警"
        verbose_name_plural = verbose_name
        ordering = ["-found_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.path}"


class BrokenLink(models.Model):
    """A link in published content or the portal's furniture that did not answer (Art. 39): the
    latest check's findings, per section and department so each fixes its own."""

    url = models.CharField("链接", max_length=1000)
    page = models.CharField("所在页面", max_length=500)
    entry = models.ForeignKey("catalog.Entry", verbose_name="信息", null=True, blank=True, on_delete=models.CASCADE)
    section = models.ForeignKey("catalog.Section", verbose_name="栏目", null=True, blank=True,
                                on_delete=models.SET_NULL)
    department = models.ForeignKey("org.Department", verbose_name="部门", null=True, blank=True,
                                   on_delete=models.SET_NULL)
    problem = models.CharField("问题", max_length=200)
    checked_at = models.DateTimeField("检查时间")

    class Meta:
        verbose_name = "失效链接"
        verbose_name_plural = verbose_name
        ordering = ["department__order", "section__code", "page", "url"]

    def __str__(self) -> str:
        return self.url
