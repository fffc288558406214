"""Writing events. Every service that changes a case calls ``record`` inside its transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import TextChoices
from django.utils import timezone

from zwgk.events.models import Event
from zwgk.security.audit import log_case_event

SYSTEM_LABEL = "系统"
EVENT_NAMES: dict[type[models.Model], type[TextChoices]] = {}


def event_names(model: type[models.Model]):
    """Register the event names of a case type: one ``TextChoices`` per model, each name with the
    Chinese label a clerk reads in the timeline (提交 / 转办 / 答复, never ``submit``). Once a model
    has its names, ``record`` refuses any other name."""

    def register(choices: type[TextChoices]) -> type[TextChoices]:
        EVENT_NAMES[model] = choices
        return choices

    return register


def event_label(event: Any) -> str:
    """The Chinese label of an event's name (the name itself for a case type without names)."""
    model = event.content_type.model_class()
    choices = EVENT_NAMES.get(model) if model is not None else None
    return dict(choices.choices).get(event.action, event.action) if choices else event.action


def record(
    obj: models.Model,
    action: str,
    *,
    actor: Any = None,
    actor_label: str | None = None,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    data: dict | None = None,
    public: bool = False,
) -> Event:
    """Log one action on ``obj``. ``actor`` is a staff member or None (citizen or system)."""
    names = EVENT_NAMES.get(type(obj))
    if names is not None and action not in names.values:
        raise ValueError(f"event {action!r} is not a registered event name of {type(obj).__name__}")
    staff = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    if actor_label is None:
        actor_label = (staff.display_name if staff else None) or SYSTEM_LABEL
    event = Event.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        at=timezone.now(),
        actor=staff,
        actor_label=actor_label,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data or {},
        public=public,
    )
    log_case_event(event)  # the security view of every case change (Art. 40 安全审计)
    return event
