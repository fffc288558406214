"""Sections of the portal kept by departments (Art. 25, annex 4) and the categories of Art. 8."""

from __future__ import annotations

from django.db import models

from zwgk.org.models import Department


class Category(models.Model):
    """One of the 22 items of Art. 8 that the department discloses proactively."""

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=120)
    order = models.PositiveSmallIntegerField("序号")

    class Meta:
        verbose_name = "主动公开类别"
        verbose_name_plural = verbose_name
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A section (栏目) of the portal; the department that keeps it maintains its content (Art. 25)."""

    DISCLOSURE = "disclosure"
    SERVICES = "services"
    INTERACTION = "interaction"
    INTEGRITY = "integrity"
    CHANNELS = [
        (DISCLOSURE, "警务公开"),
        (SERVICES, "服务大厅"),
        (INTERACTION, "警民互动"),
        (INTEGRITY, "政务诚信"),
    ]

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=60)
    channel = models.CharField("频道", max_length=20, choices=CHANNELS, default=DISCLOSURE)
    department = models.ForeignKey(
        Department, verbose_name="维护部门", on_delete=models.PROTECT, related_name="sections"
    )
    description = models.CharField("说明", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=100)

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = verbose_name
        ordering = ["channel", "order", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("portal:channel", args=[self.channel]) + f"#{self.code}"
