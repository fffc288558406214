"""Changes to the responsibility tables (Art. 25, 29; annex 4). Each change writes an event."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zwgk.catalog.models import Section
from zwgk.events.services import record
from zwgk.org.models import Department, MessageRoute
from zwgk.org.permissions import require


@transaction.atomic
def do_assign_section(actor: Any, section: Section, department: Department) -> Section:
    """Give the upkeep of ``section`` to ``department`` (Art. 25)."""
    require(actor, "org.manage")
    before = section.department
    if before == department:
        return section
    section.department = department
    section.save(update_fields=["department"])
    record(section, "section_assigned", actor=actor, note=f"维护部门由{before}改为{department}",
           data={"from": before.code, "to": department.code})
    return section


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
