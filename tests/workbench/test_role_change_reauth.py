"""Changing a staff member's roles in the workbench asks for the administrator's password again when
the last check is older than the setting (issue 10); other account changes do not."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from tests.support.sessions import logged_in
from zwgk.security.models import AuditEntry
from zwgk.security.reauth import CHECKED

pytestmark = pytest.mark.django_db


def _admin(staff, minutes_ago: int) -> Client:
    return logged_in(staff("sysadmin"), checked_minutes_ago=minutes_ago)


def _roles(staff, username: str) -> set[str]:
    return set(staff(username).roles.values_list("code", flat=True))


def test_a_role_change_after_the_window_needs_the_password(staff):
    client = _admin(staff, 31)
    person = staff("traffic_handler")
    body = {"name": person.full_name, "department": "traffic", "roles": ["handler", "dept_head"]}
    url = "/workbench/admin/staff/traffic_handler/"
    page = client.post(url, body).content.decode()
    assert "再次验证密码" in page and 'value="dept_head"' in page
    assert _roles(staff, "traffic_handler") == {"handler"}
    response = client.post(url, {**body, "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert response.status_code == 302 and _roles(staff, "traffic_handler") == {"handler", "dept_head"}
    assert AuditEntry.objects.filter(kind="reauth", actor="sysadmin", detail__action="org.change_roles").exists()


def test_a_role_change_within_the_window_goes_straight_through(staff):
    person = staff("traffic_handler")
    response = _admin(staff, 5).post("/workbench/admin/staff/traffic_handler/", {
        "name": person.full_name, "department": "traffic", "roles": ["handler", "dept_head"]})
    assert response.status_code == 302 and _roles(staff, "traffic_handler") == {"handler", "dept_head"}


def test_a_name_change_without_new_roles_asks_no_password(staff):
    response = _admin(staff, 90).post("/workbench/admin/staff/traffic_handler/", {
        "name": "改名", "department": "traffic", "roles": ["handler"]})
    assert response.status_code == 302 and staff("traffic_handler").full_name == "改名"


def test_the_login_page_records_the_password_check(staff):
    client = Client()
    client.post("/workbench/login/", {"username": "clerk", "password": "zwgk-demo-2026"})
    assert client.session[CHECKED] >= time.time() - 60


def test_creating_an_account_with_roles_after_the_window_needs_the_password(staff):
    from zwgk.org.models import Staff

    client = _admin(staff, 31)
    body = {"step": "create", "username": "new_handler", "name": "新承办人", "department": "traffic",
            "roles": ["handler"]}
    page = client.post("/workbench/admin/staff/", body).content.decode()
    assert "再次验证密码" in page and not Staff.objects.filter(username="new_handler").exists()
    done = client.post("/workbench/admin/staff/", {**body, "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert done.status_code == 200 and Staff.objects.filter(username="new_handler").exists()


def test_resetting_a_password_after_the_window_needs_the_password(staff):
    client = _admin(staff, 31)
    before = staff("traffic_handler").password
    page = client.post("/workbench/admin/staff/", {"step": "reset_password", "username": "traffic_handler"})
    assert "再次验证密码" in page.content.decode() and staff("traffic_handler").password == before
    client.post("/workbench/admin/staff/", {"step": "reset_password", "username": "traffic_handler",
                                            "confirmed": "1", "reauth_password": "zwgk-demo-2026"})
    assert staff("traffic_handler").password != before
