"""Writing events. Every service that changes a case calls ``record`` inside its transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from zwgk.events.models import Event

SYSTEM_LABEL = "系统"


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
    staff = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    if actor_label is None:
        actor_label = (staff.display_name if staff else None) or SYSTEM_LABEL
    return Event.objects.create(
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
