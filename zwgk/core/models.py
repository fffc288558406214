"""Numbering (Art. 15: every application is numbered at once) and idempotent writes (API.md)."""

from __future__ import annotations

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
