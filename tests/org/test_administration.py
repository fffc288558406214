"""Administration by the system administrator (API.md "Administration"; issue 10): departments,
staff, sections, reply templates and the site profile; every change is an audit entry."""

from __future__ import annotations

from django.test import Client

from tests.conftest import ApiClient
from tests.org.conftest import PASSWORD, token_request
from zwgk.catalog.models import Section
from zwgk.org.models import Staff
from zwgk.security.models import AuditEntry, AuditKind


def test_departments_are_listed_created_renamed_and_deactivated(admin_api):
    assert admin_api.post("/org/departments", {"code": "cyber_ops", "name": "网络安全保卫总队"}).status_code == 201
    assert {"code": "cyber_ops", "name": "网络安全保卫总队", "active": True} in admin_api.get("/org/departments").json()
    renamed = admin_api.patch_json("/org/departments/cyber_ops", {"name": "网安总队（新）"})
    assert renamed.json()["name"] == "网安总队（新）"
    assert admin_api.patch_json("/org/departments/cyber_ops", {"active": False}).json()["active"] is False
    duplicate = admin_api.post("/org/departments", {"code": "cyber_ops", "name": "另一个"})
    assert duplicate.status_code == 409 and duplicate.json()["error"]["fields"] == {"code": "已存在"}
    assert AuditEntry.objects.filter(kind=AuditKind.DEPARTMENT_CHANGED).count() == 3


def test_a_department_that_keeps_a_section_is_not_deactivated(admin_api, person):
    admin_api.post("/catalog/sections", {"code": "traffic_news", "name": "交通资讯", "channel": "disclosure",
                                         "department": "traffic"})
    refused = admin_api.patch_json("/org/departments/traffic", {"active": False})
    assert refused.status_code == 409 and "栏目" in refused.json()["error"]["message"]


def test_a_new_account_gets_a_one_time_password_that_must_be_changed(admin_api):
    created = admin_api.post("/org/staff", {"username": "li_handler", "name": "李明", "department": "traffic",
                                            "roles": ["handler"]})
    assert created.status_code == 201
    password = created.json()["initial_password"]
    staff = Staff.objects.get(username="li_handler")
    assert staff.check_password(password) and staff.must_change_password
    listed = {s["username"]: s for s in admin_api.get("/org/staff").json()}
    assert listed["li_handler"] == {"username": "li_handler", "name": "李明", "department": "traffic",
                                    "roles": ["handler"], "active": True, "two_factor": False}
    token = token_request(password, username="li_handler").json()["token"]
    assert ApiClient(token).get("/audit").json()["error"]["code"] == "password_change_required"


def test_roles_and_department_change_but_nobody_changes_their_own_roles(admin_api, person):
    changed = admin_api.patch_json("/org/staff/zhang", {"roles": ["dept_head"], "name": "张伟伟"})
    assert changed.json()["roles"] == ["dept_head"] and changed.json()["name"] == "张伟伟"
    own = admin_api.patch_json("/org/staff/it_admin", {"roles": ["sysadmin", "leader"]})
    assert own.status_code == 403 and own.json()["error"]["fields"] == {"roles": "不能变更自己的角色"}
    unknown = admin_api.patch_json("/org/staff/zhang", {"roles": ["emperor"]})
    assert unknown.status_code == 422
    entry = AuditEntry.objects.get(kind=AuditKind.ROLES_CHANGED)
    assert entry.actor == "it_admin" and entry.detail == {"from": ["handler"], "to": ["dept_head"]}


def test_a_deactivated_account_can_no_longer_log_in_and_keeps_its_records(admin_api, person):
    token = token_request(PASSWORD).json()["token"]
    assert admin_api.patch_json("/org/staff/zhang", {"active": False}).json()["active"] is False
    assert ApiClient(token).get("/audit").status_code == 401
    assert token_request(PASSWORD).status_code == 401
    assert Staff.objects.filter(username="zhang").exists()


def test_only_the_system_administrator_administers(person):
    handler = ApiClient(token_request(PASSWORD).json()["token"])
    assert handler.get("/org/staff").status_code == 403
    assert handler.post("/org/departments", {"code": "x_dept", "name": "某部门"}).status_code == 403


def test_sections_are_created_renamed_and_reassigned(admin_api, person):
    admin_api.post("/org/departments", {"code": "exit_entry", "name": "出入境管理局"})
    created = admin_api.post("/catalog/sections", {"code": "visa", "name": "签证业务", "channel": "services",
                                                   "department": "traffic"})
    assert created.status_code == 201
    moved = admin_api.patch_json("/catalog/sections/visa", {"name": "签证办理", "department": "exit_entry"})
    assert moved.json() == {"code": "visa", "name": "签证办理", "channel": "services", "department": "exit_entry"}
    assert Section.objects.get(code="visa").department.code == "exit_entry"
    bad = admin_api.post("/catalog/sections", {"code": "x", "name": "", "channel": "nowhere", "department": "traffic"})
    assert bad.status_code == 422
    assert AuditEntry.objects.filter(kind=AuditKind.SECTION_CHANGED).count() == 2


def test_workbench_pages_create_a_department_and_an_account(admin_api, person):
    web = Client()
    web.post("/workbench/login/", {"username": "it_admin", "password": PASSWORD})
    page = web.post("/workbench/admin/departments/", {"step": "create", "code": "legal", "name": "法制总队"})
    assert page.status_code == 302
    created = web.post("/workbench/admin/staff/", {"step": "create", "username": "wang", "name": "王芳",
                                                    "department": "legal", "roles": ["handler"]})
    html = created.content.decode()
    assert "一次性密码" in html and Staff.objects.get(username="wang").department.code == "legal"
    for path in ("staff/", "departments/", "sections/", "templates/", "site/", "staff/wang/"):
        assert web.get(f"/workbench/admin/{path}").status_code == 200, path
    saved = web.post("/workbench/admin/site/", {"name": "某省公安厅门户网站", "department_name": "某省公安厅",
                                                "sponsor": "某省公安厅", "site_code": "6400000032",
                                                "copyright_since": 2011})
    assert saved.status_code == 302 and AuditEntry.objects.filter(kind=AuditKind.SITE_CHANGED).exists()
