"""Fixtures of the identity tests: one handler without the whole demo data."""

from __future__ import annotations

import pytest

from tests.conftest import ApiClient
from zwgk.org.models import Department, Role, Staff

PASSWORD = "Gongan#2026abc"


@pytest.fixture
def person(db) -> Staff:
    department = Department.objects.create(code="traffic", name="交警总队")
    staff = Staff.objects.create(username="zhang", full_name="张伟", department=department)
    staff.set_password(PASSWORD)
    staff.save()
    staff.roles.add(Role.objects.get(code="handler"))
    return staff


def token_request(password: str, ip: str = "10.0.0.1", username: str = "zhang"):
    return ApiClient().client.post("/api/v1/auth/token", {"username": username, "password": password},
                                   content_type="application/json", REMOTE_ADDR=ip)




@pytest.fixture
def admin_api(person) -> ApiClient:
    """An API client of a system administrator (the department of ``person`` exists)."""
    admin = Staff.objects.create(username="it_admin", full_name="杨磊", department=person.department)
    admin.set_password(PASSWORD)
    admin.save()
    admin.roles.add(Role.objects.get(code="sysadmin"))
    return ApiClient(token_request(PASSWORD, username="it_admin").json()["token"])
