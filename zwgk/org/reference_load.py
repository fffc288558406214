"""Loading the reference data every installation needs (``manage.py setup``; production too): what
the migrations seed (roles, the 22 categories of Art. 8, letter and reply templates, word lists,
number patterns, calendars) is put back where missing, and the departments of Art. 6, the standard
sections of annex 4, the routing of the four kinds of message and the site profile are created.
What staff changed since is left as it is: only what is missing is created."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.db import transaction

from zwgk.org.models import Department, MessageRoute, Role, Staff
from zwgk.org.reference import DEPARTMENTS, ROUTES

# Migrations whose seed() creates what is missing or puts the seed's values back, in this order (the
# due-soon threshold is added to the policy profiles after their own seed has written them).
ADDITIVE_SEEDS = ["zwgk.catalog.migrations.0006_reference_data", "zwgk.interaction.migrations.0002_reference_data",
                  "zwgk.workdays.migrations.0002_seed_reference_data",
                  "zwgk.workdays.migrations.0003_due_soon_threshold",
                  "zwgk.applications.migrations.0009_supplement_deadline_reference_data"]
FIRST_ADMIN_DEPARTMENT = "tech"


def _module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(name)


def _ensure_by_code(model, rows: list[tuple[str, dict]]) -> int:  # type: ignore[no-untyped-def]
    return sum(model.objects.get_or_create(code=code, defaults=defaults)[1] for code, defaults in rows)


@transaction.atomic
def load_reference_data() -> list[str]:
    """Create what is missing; a line of Chinese per kind of data saying what was done."""
    from zwgk.applications.models import LetterTemplate
    from zwgk.catalog.admin_services import ensure_standard_sections
    from zwgk.catalog.models import Category
    from zwgk.core.models import SiteProfile

    lines = []
    roles = _module("zwgk.org.migrations.0002_roles").ROLES
    created = _ensure_by_code(Role, [(code, {"name": name, "permissions": perms}) for code, name, perms in roles])
    lines.append(f"角色：{Role.objects.count()}个（新建{created}个）")
    categories = _module("zwgk.catalog.migrations.0003_categories").CATEGORIES
    created = _ensure_by_code(Category, [(code, {"name": name, "order": order})
                                         for order, (code, name) in enumerate(categories, start=1)])
    lines.append(f"主动公开信息类别（第八条）：{Category.objects.count()}类（新建{created}类）")
    if not LetterTemplate.objects.exists():
        _module("zwgk.applications.migrations.0002_reference_data").seed(apps, None)
    for name in ADDITIVE_SEEDS:
        _module(name).seed(apps, None)
    lines.append(f"答复文书模板：{LetterTemplate.objects.count()}个；网民信息答复模板、词库、编号规则、节假日已就绪")
    created = _ensure_by_code(Department, [(code, {"name": name, "duties": duties, "order": order})
                                           for order, (code, name, duties) in enumerate(DEPARTMENTS, start=1)])
    lines.append(f"部门（第六条）：{Department.objects.count()}个（新建{created}个）")
    created = ensure_standard_sections()
    lines.append(f"门户栏目（附件4）：{apps.get_model('catalog', 'Section').objects.count()}个（新建{created}个）")
    departments = {d.code: d for d in Department.objects.all()}
    created = 0
    for priority, (matter, kind, keywords, dept) in enumerate(ROUTES, start=1):
        if dept in departments:
            created += MessageRoute.objects.get_or_create(
                matter=matter, defaults={"kind": kind, "keywords": keywords, "department": departments[dept],
                                         "priority": priority * 10})[1]
    lines.append(f"网民信息归口规则（第二十九条）：{MessageRoute.objects.count()}条（新建{created}条）")
    site = SiteProfile.objects.order_by("pk").first()
    if site is None:
        site = SiteProfile.objects.create()
    missing = [SiteProfile._meta.get_field(f).verbose_name for f in
               ("name", "department_name", "sponsor", "phone", "site_code", "icp_number", "police_record",
                "unified_code") if not getattr(site, f) or getattr(site, f) == SiteProfile._meta.get_field(f).default]
    lines.append("网站信息：" + (f"请在工作台“网站信息”中补全：{'、'.join(missing)}" if missing else "已填写"))
    return lines


def first_administrator(username: str) -> tuple[Staff, str] | None:
    """Create the first system administrator with a one-time password, unless an active one exists."""
    from zwgk.org.auth import set_initial_password
    from zwgk.security import audit
    from zwgk.security.models import AuditKind

    role = Role.objects.get(code="sysadmin")
    if Staff.objects.filter(roles=role, is_active=True).exists():
        return None
    with transaction.atomic():
        staff, _ = Staff.objects.get_or_create(
            username=username, defaults={"full_name": "系统管理员",
                                         "department": Department.objects.filter(code=FIRST_ADMIN_DEPARTMENT).first()})
        staff.is_active = True
        staff.save(update_fields=["is_active"])
        staff.roles.add(role)
        password = set_initial_password(staff)
        audit.log(AuditKind.ACCOUNT_CREATED, obj=staff, detail={"roles": ["sysadmin"], "by": "setup"})
    return staff, password
