"""Changes to the routing of citizen messages (Art. 29, annex 4); the upkeep of sections (Art. 25) is
``catalog.services.do_assign_section``. Each change writes an event."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zwgk.events.services import record
from zwgk.org.models import MessageRoute
from zwgk.org.permissions import require


@transaction.atomic
def do_save_route(actor: Any, route: MessageRoute) -> MessageRoute:
    """Create or change a routing rule for citizen messages (Art. 29, annex 4)."""
    require(actor, "org.manage")
    created = route.pk is None
    route.full_clean()
    route.save()
    record(route, "route_created" if created else "route_changed", actor=actor,
           note=f"{route.matter}（{route.get_kind_display() or '各类'}）→ {route.department}",
           data={"keywords": route.keywords, "department": route.department.code})
    return route


@transaction.atomic
def do_delete_route(actor: Any, route: MessageRoute) -> None:
    require(actor, "org.manage")
    record(route, "route_deleted", actor=actor, note=f"{route.matter} → {route.department}")
    route.delete()
