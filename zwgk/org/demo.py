"""Demo departments, staff and routing (API.md "Departments and demo accounts"); the departments and
routing rules themselves are the reference data every installation gets (``zwgk.org.reference``)."""

from __future__ import annotations

from zwgk.org.models import Department, MessageRoute, Role, Staff
from zwgk.org.reference import DEPARTMENTS, ROUTES

DEMO_PASSWORD = "zwgk-demo-2026"


# Accounts beyond the per-department handler and head: (username, name, department, roles).
ACCOUNTS = [
    ("clerk", "王晓燕", "office", ["clerk"]),
    ("chief", "马建国", "office", ["office_head"]),
    ("leader", "李振华", None, ["leader"]),
    ("inspector", "张国栋", "inspection", ["inspector"]),
    ("sysadmin", "杨磊", "tech", ["sysadmin"]),
    ("secrecy", "丁海燕", "secrecy", ["secrecy"]),
]
EXTRA_ROLES = {"legal": ["legal"], "secrecy": ["secrecy"]}


def _staff(username: str, name: str, department: Department | None, roles: list[str]) -> bool:
    staff, created = Staff.objects.get_or_create(
        username=username, defaults={"full_name": name, "department": department}
    )
    if created:
        staff.set_password(DEMO_PASSWORD)
        staff.save()
    staff.roles.add(*Role.objects.filter(code__in=roles))
    return created


def load() -> str:
    departments = {}
    for order, (code, name, duties) in enumerate(DEPARTMENTS, start=1):
        departments[code], _ = Department.objects.update_or_create(
            code=code, defaults={"name": name, "duties": duties, "order": order}
        )
    created = 0
    for username, name, dept, roles in ACCOUNTS:
        created += _staff(username, name, departments.get(dept) if dept else None, roles)
    for code, department in departments.items():
        short = department.name.split("（")[0]
        created += _staff(f"{code}_handler", f"{short}承办人", department, ["handler", *EXTRA_ROLES.get(code, [])])
        created += _staff(f"{code}_head", f"{short}负责人", department, ["dept_head", *EXTRA_ROLES.get(code, [])])
    for priority, (matter, kind, keywords, dept) in enumerate(ROUTES, start=1):
        MessageRoute.objects.update_or_create(
            matter=matter,
            defaults={"kind": kind, "keywords": keywords, "department": departments[dept], "priority": priority * 10},
        )
    return f"{len(departments)}个部门，新建账号{created}个（密码 {DEMO_PASSWORD}），{len(ROUTES)}条归口规则"
