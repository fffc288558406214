"""The portal's sections as administration (Art. 25, annex 4): the standard channels and sections
every installation starts with, and creating, renaming and reassigning sections. The system
administrator and the office head may do it; every change is an audit entry."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse

from zwgk.catalog.models import Section
from zwgk.core.errors import Conflict, InvalidInput, NotFound
from zwgk.org.models import Department
from zwgk.org.permissions import require, rule
from zwgk.security import audit
from zwgk.security.models import AuditKind


@rule("catalog.manage_sections")
def _manage_sections(user: Any, obj: Any) -> bool:
    return "org.manage" in user.permission_codes() or user.has_role("office_head")


def ensure_standard_sections() -> int:
    """Create the standard sections of the four channels that are missing, each with the department
    that keeps it (annex 4; the list of ``zwgk.catalog.demo``). Existing sections are left as staff
    changed them. Returns how many were created."""
    from zwgk.catalog.demo import SECTION_PAGES, SECTIONS

    departments = {d.code: d for d in Department.objects.all()}
    created = 0
    for order, (code, name, channel, dept, description) in enumerate(SECTIONS, start=1):
        if dept not in departments:
            continue
        page = SECTION_PAGES.get(code)
        _, new = Section.objects.get_or_create(
            code=code, defaults={"name": name, "channel": channel, "department": departments[dept],
                                 "description": description, "order": order,
                                 "link": reverse(page) if page else ""})
        created += new
    return created


def _department(code: str) -> Department:
    department = Department.objects.filter(code=code, active=True).first()
    if department is None:
        raise InvalidInput(f"维护部门“{code}”不存在或已停用。", fields={"department": "部门不存在或已停用"})
    return department


def _name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 60:
        raise InvalidInput("栏目名称必填，且不超过60个字。", fields={"name": "必填，不超过60字"})
    return name


@transaction.atomic
def do_create_section(actor: Any, *, code: str, name: str, channel: str, department: str,
                      description: str = "") -> Section:
    require(actor, "catalog.manage_sections")
    code = (code or "").strip()
    if not code or not code.replace("_", "").replace("-", "").isalnum() or not code.isascii() or len(code) > 40:
        raise InvalidInput("栏目代码须为不超过40位的字母、数字、下划线或连字符。", fields={"code": "格式不正确"})
    if channel not in dict(Section.CHANNELS):
        raise InvalidInput("频道须为 disclosure、services、interaction、integrity 之一。",
                           fields={"channel": "频道不正确"})
    if Section.objects.filter(code=code).exists():
        raise Conflict(f"栏目代码“{code}”已存在。", fields={"code": "已存在"})
    section = Section.objects.create(code=code, name=_name(name), channel=channel, department=_department(department),
                                     description=(description or "")[:200])
    audit.log(AuditKind.SECTION_CHANGED, actor=actor, obj=section,
              detail={"created": True, "name": section.name, "channel": channel, "department": department})
    return section


@transaction.atomic
def do_change_section(actor: Any, code: str, *, name: str | None = None, department: str | None = None) -> Section:
    """Rename a section or give its upkeep to another department (Art. 25)."""
    require(actor, "catalog.manage_sections")
    section = Section.objects.select_for_update().filter(code=code).first()
    if section is None:
        raise NotFound("栏目不存在。")
    changes: dict[str, Any] = {}
    if name is not None and _name(name) != section.name:
        changes["name"] = [section.name, _name(name)]
        section.name = _name(name)
    if department is not None and department != section.department.code:
        changes["department"] = [section.department.code, department]
        section.department = _department(department)
    if changes:
        section.save(update_fields=[k for k in changes])
        audit.log(AuditKind.SECTION_CHANGED, actor=actor, obj=section, detail=changes)
    return section
