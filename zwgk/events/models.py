"""One event log for every case type (DESIGN.md principle 5): who, when, what, from which state
to which, and why. Read-only once written."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ReadOnlyEventError(Exception):
    pass


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # type: ignore[override]
        raise ReadOnlyEventError("events are never changed")

    def delete(self):  # type: ignore[override]
        raise ReadOnlyEventError("events are never deleted")

    def for_object(self, obj: models.Model) -> EventQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class Event(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT
    )
    actor_label = models.CharField("操作人", max_length=100, help_text="e.g. 申请人 or 系统 when no staff acted")
    action = models.CharField("操作", max_length=60)
    from_state = models.CharField("原状态", max_length=40, blank=True)
    to_state = models.CharField("新状态", max_length=40, blank=True)
    note = models.TextField("说明", blank=True)
    data = models.JSONField("数据", default=dict, blank=True)
    public = models.BooleanField("申请人可见", default=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "事件"
        verbose_name_plural = verbose_name
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="event_object_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ReadOnlyEventError("events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ReadOnlyEventError("events are never deleted")
