"""Numbering (Art. 15: every application is numbered at once), idempotent writes (API.md) and the
site's profile: what every portal page carries, as data (the site's name, the footer's contact data
and record numbers of the seed page's furniture, the disclosure guide's contact data, the visit
counter, the unified code that begins every index number)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models


class NumberPattern(models.Model):
    """How the numbers of one kind of case look, as data (e.g. ``YSQ-{year}-{serial:05d}``)."""

    kind = models.CharField("种类", max_length=40, primary_key=True)
    label = models.CharField("名称", max_length=60)
    pattern = models.CharField("编号格式", max_length=120)

    class Meta:
        verbose_name = "编号规则"
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return f"{self.label}：{self.pattern}"


class Counter(models.Model):
    """The last serial handed out for a kind in a year. Serials only grow: never reused."""

    kind = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="counter_kind_year_unique")]


class IdempotencyRecord(models.Model):
    """The first answer to a write sent with an ``Idempotency-Key`` header, kept for 24 hours, secrets
    removed (see ``core.middleware.IdempotencyMiddleware``); ``owner`` is the caller's scope, and for a
    record still in progress ``created_at`` is the start of its lease."""

    key = models.CharField(max_length=200)
    owner = models.CharField(max_length=80)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    body_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(default=0)
    content = models.BinaryField(default=b"")
    content_type = models.CharField(max_length=100, default="application/json")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="idempotency_owner_key_unique")]


class SiteProfile(models.Model):
    """What every portal page carries (DESIGN.md, "The portal's page furniture"), as data."""

    name = models.CharField("网站名称", max_length=100, default="公安厅门户网站")
    department_name = models.CharField("机关名称", max_length=100, default="公安厅")
    sponsor = models.CharField("主办", max_length=100, default="公安厅")
    phone = models.CharField("联系电话", max_length=40, blank=True)
    fax = models.CharField("传真", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    site_code = models.CharField("网站标识码", max_length=20, blank=True)
    icp_number = models.CharField("ICP备案号", max_length=40, blank=True)
    police_record = models.CharField("公网安备号", max_length=60, blank=True)
    unified_code = models.CharField("统一社会信用代码", max_length=18, blank=True, help_text="索引号前缀")
    copyright_since = models.PositiveSmallIntegerField("版权起始年", default=2011)
    visits = models.PositiveBigIntegerField("访问人数", default=0)

    class Meta:
        db_table = "portal_siteprofile"  # the table it had in the portal app: data survives the move
        verbose_name = "网站信息"
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        _forget_site()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        deleted = super().delete(*args, **kwargs)
        _forget_site()
        return deleted


SITE_CACHE_KEY = "core:site-profile"
SITE_CACHE_SECONDS = 60
_FROZEN: ContextVar[SiteProfile | None] = ContextVar("frozen_site", default=None)


def current_site() -> SiteProfile:
    """The site's profile; an unsaved default before any is configured. Every portal page carries
    it, so it is read from the cache (Redis in production, shared by the workers), forgotten when
    the profile is saved (``SiteProfile.save``): a query fewer on every page (issue 11). The
    visit count in it may lag (``portal.visits`` keeps the live count)."""
    frozen = _FROZEN.get()
    if frozen is not None:
        return frozen
    from django.core.cache import cache

    site = cache.get(SITE_CACHE_KEY)
    if site is None:
        site = _saved_site()
        cache.set(SITE_CACHE_KEY, site, SITE_CACHE_SECONDS)
    return site


def _saved_site() -> SiteProfile:
    return SiteProfile.objects.order_by("pk").first() or SiteProfile()


def _drop_cached_site() -> None:
    from django.core.cache import cache

    cache.delete(SITE_CACHE_KEY)


def _forget_site() -> None:
    """Drop the cached profile now (the next page shows the change) and again at commit (what a
    reader cached before the commit was the old profile). A save rolled back after a read in the
    same transaction leaves its profile cached for at most ``SITE_CACHE_SECONDS``."""
    from django.db import transaction

    _drop_cached_site()
    transaction.on_commit(_drop_cached_site)


@contextmanager
def frozen_site() -> Iterator[SiteProfile]:
    """Read the profile once for a run of pages (static publishing renders thousands in bulk), from
    the database: what is published is what is saved, even if the cache has not caught up."""
    token = _FROZEN.set(_saved_site())
    try:
        yield _FROZEN.get()
    finally:
        _FROZEN.reset(token)
