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


class NotificationText(models.Model):
    """What a citizen is told, and when, as data (DESIGN.md principle 2): the SMS and e-mail texts
    for receipt, supplement notice, extension, pause and reply (Art. 15, 18, 31). Placeholders:
    ``{site}``, ``{number}``, ``{due_on}``, ``{note}`` (the event's public note)."""

    code = models.SlugField("代码", max_length=60, primary_key=True)
    name = models.CharField("名称", max_length=60)
    sms = models.TextField("短信内容")
    email_subject = models.CharField("邮件主题", max_length=200)
    email_body = models.TextField("邮件正文")
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "群众告知文本"
        verbose_name_plural = verbose_name
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Notification(models.Model):
    """One message sent (or tried) to a citizen about their case: the record that they were told."""

    SMS, EMAIL = "sms", "email"
    CHANNELS = [(SMS, "短信"), (EMAIL, "电子邮件")]
    SENT, FAILED = "sent", "failed"

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="notifications")
    text = models.ForeignKey(NotificationText, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField("方式", max_length=10, choices=CHANNELS)
    status = models.CharField("结果", max_length=10, choices=[(SENT, "已发送"), (FAILED, "发送失败")])
    error = models.TextField("失败原因", blank=True)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "群众告知记录"
        verbose_name_plural = verbose_name
        ordering = ["at", "pk"]
