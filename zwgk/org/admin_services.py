"""Administration by the system administrator (API.md "Administration"; DESIGN.md "Who may do
what"; Art. 6, 40, 41): departments, staff accounts and their roles, reply templates and the site
profile. Nobody changes their own roles; deactivating keeps every record the person made. Every
change is an audit entry."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.forms import ModelForm
from django.utils import timezone

from zwgk.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from zwgk.org import auth
from zwgk.org.models import ApiToken, Department, Role, Staff
from zwgk.org.permissions import require
from zwgk.security import audit
from zwgk.security.models import AuditKind

CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,150}$")


def _text(value: str | None, field: str, label: str, limit: int) -> str:
    value = (value or "").strip()
    if not value or len(value) > limit:
        raise InvalidInput(f"{label}必填，且不超过{limit}个字。", fields={field: f"必填，不超过{limit}字"})
    return value


# --- departments (Art. 6) ---------------------------------------------------------------------------

@transaction.atomic
def do_create_department(actor: Any, *, code: str, name: str, duties: str = "") -> Department:
    require(actor, "org.manage")
    code = (code or "").strip()
    if not CODE.match(code):
        raise InvalidInput("部门代码须为2至40位小写字母、数字或下划线，以字母开头。", fields={"code": "格式不正确"})
    name = _text(name, "name", "部门名称", 60)
    if Department.objects.filter(code=code).exists():
        raise Conflict(f"部门代码“{code}”已存在。", fields={"code": "已存在"})
    if Department.objects.filter(name=name).exists():
        raise Conflict(f"部门名称“{name}”已存在。", fields={"name": "已存在"})
    department = Department.objects.create(code=code, name=name, duties=(duties or "").strip(),
                                           order=Department.objects.count() + 1)
    audit.log(AuditKind.DEPARTMENT_CHANGED, actor=actor, obj=department, detail={"created": True, "name": name})
    return department


@transaction.atomic
def do_change_department(actor: Any, code: str, *, name: str | None = None, active: bool | None = None,
                         duties: str | None = None) -> Department:
    """Rename or (de)activate a department. A department that still keeps sections or has active
    staff is not deactivated: they are moved first, so no section is left without a keeper."""
    require(actor, "org.manage")
    department = Department.objects.select_for_update().filter(code=code).first()
    if department is None:
        raise NotFound("部门不存在。")
    changes: dict[str, Any] = {}
    if name is not None:
        name = _text(name, "name", "部门名称", 60)
        if name != department.name:
            if Department.objects.filter(name=name).exclude(pk=department.pk).exists():
                raise Conflict(f"部门名称“{name}”已存在。", fields={"name": "已存在"})
            changes["name"] = [department.name, name]
            department.name = name
    if duties is not None and duties.strip() != department.duties:
        changes["duties"] = True
        department.duties = duties.strip()
    if active is not None and active != department.active:
        if not active and (department.sections.exists() or department.staff.filter(is_active=True).exists()):
            raise Conflict("该部门仍维护栏目或有在岗人员，请先将栏目和人员调整到其他部门。",
                           fields={"active": "仍有栏目或人员"})
        changes["active"] = [department.active, active]
        department.active = active
    if changes:
        department.save()
        audit.log(AuditKind.DEPARTMENT_CHANGED, actor=actor, obj=department, detail=changes)
    return department


# --- staff accounts (Art. 40, 41) -------------------------------------------------------------------

def _department_of(code: str | None) -> Department | None:
    if not code:
        return None
    department = Department.objects.filter(code=code, active=True).first()
    if department is None:
        raise InvalidInput(f"部门“{code}”不存在或已停用。", fields={"department": "部门不存在或已停用"})
    return department


def _roles_of(codes: list[str]) -> list[Role]:
    roles = list(Role.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {r.code for r in roles})
    if unknown:
        raise InvalidInput(f"角色代码不存在：{'、'.join(unknown)}。", fields={"roles": "角色不存在"})
    return roles


def staff_by_username(username: str) -> Staff:
    staff = Staff.objects.filter(username=username).first()
    if staff is None:
        raise NotFound("工作人员不存在。")
    return staff


@transaction.atomic
def do_create_staff(actor: Any, *, username: str, name: str, department: str | None,
                    roles: list[str]) -> tuple[Staff, str]:
    """A new account with a one-time password, shown once; it must be changed at the first login."""
    require(actor, "org.manage")
    username = (username or "").strip()
    if not USERNAME.match(username):
        raise InvalidInput("用户名须为2位以上字母、数字或 _ . @ -。", fields={"username": "格式不正确"})
    if Staff.objects.filter(username__iexact=username).exists():
        raise Conflict(f"用户名“{username}”已存在。", fields={"username": "已存在"})
    full_name = _text(name, "name", "姓名", 40)
    found_roles = _roles_of(roles)
    staff = Staff.objects.create(username=username, full_name=full_name, department=_department_of(department))
    staff.roles.set(found_roles)
    password = auth.set_initial_password(staff)
    audit.log(AuditKind.ACCOUNT_CREATED, actor=actor, obj=staff,
              detail={"username": username, "department": department, "roles": sorted(roles)})
    return staff, password


@transaction.atomic
def do_change_staff(actor: Any, username: str, *, name: str | None = None, department: str | None = None,
                    roles: list[str] | None = None, active: bool | None = None) -> Staff:
    """Change a person's name, department, roles or activity. Deactivating ends their tokens and
    sessions at once but keeps every record they made (nothing is deleted)."""
    require(actor, "org.manage")
    staff = staff_by_username(username)
    changes: dict[str, Any] = {}
    if roles is not None:
        new = {r.code for r in _roles_of(roles)}
        old = set(staff.role_codes())
        if new != old:
            if staff.pk == actor.pk:
                raise Forbidden("不能变更自己的角色。", fields={"roles": "不能变更自己的角色"})
            staff.roles.set(Role.objects.filter(code__in=new))
            staff._role_codes = staff._permission_codes = None
            audit.log(AuditKind.ROLES_CHANGED, actor=actor, obj=staff,
                      detail={"from": sorted(old), "to": sorted(new)})
    if name is not None and _text(name, "name", "姓名", 40) != staff.full_name:
        changes["name"] = [staff.full_name, name.strip()]
        staff.full_name = name.strip()
    if department is not None and department != (staff.department.code if staff.department else ""):
        changes["department"] = [staff.department.code if staff.department else None, department or None]
        staff.department = _department_of(department)
    if active is not None and active != staff.is_active:
        if not active and staff.pk == actor.pk:
            raise Forbidden("不能停用自己的账号。", fields={"active": "不能停用自己的账号"})
        changes["active"] = [staff.is_active, active]
        staff.is_active = active
        if not active:
            ApiToken.objects.filter(staff=staff, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if changes:
        staff.save()
        audit.log(AuditKind.ACCOUNT_CHANGED, actor=actor, obj=staff, detail=changes)
    return staff


@transaction.atomic
def do_reset_password(actor: Any, username: str) -> str:
    """A new one-time password for someone who forgot theirs; to be changed at the next login."""
    require(actor, "org.manage")
    staff = staff_by_username(username)
    password = auth.set_initial_password(staff)
    audit.log(AuditKind.PASSWORD_RESET, actor=actor, obj=staff)
    return password


# --- reply templates and the site profile --------------------------------------------------------

@transaction.atomic
def do_save_form(actor: Any, form: ModelForm, kind: str) -> Any:
    """Save a validated form of reference data (a reply template, the site profile) with its audit entry."""
    require(actor, "org.manage")
    created = form.instance.pk is None
    obj = form.save()
    audit.log(kind, actor=actor, obj=obj, detail={"created": created, "fields": sorted(form.changed_data)})
    return obj
