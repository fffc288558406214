"""Fixtures for the interaction tests: the demo departments, staff and routing table only (fast),
new-media accounts, and helpers to make messages on real 2026 dates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ApiClient

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def people(db):
    """Departments, demo accounts and the routing table (zwgk.org.demo); returns a username lookup."""
    from zwgk.interaction.models import PlatformAccount
    from zwgk.org import demo
    from zwgk.org.models import Staff

    demo.load()
    PlatformAccount.objects.get_or_create(platform="微博", name="宁夏公安")
    return lambda username: Staff.objects.get(username=username)


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=TZ)


@pytest.fixture
def make(people):
    """Submit a mailbox message: ``make(kind="complaint", on="2026-09-30", body=...)``."""
    from zwgk.interaction import services

    def submit(kind: str = "consultation", on: str = "2026-09-30", title: str = "咨询户口迁移",
               body: str = "请问户口迁移需要什么材料？", name: str = "李明", phone: str = "13995012345",
               public: bool = True, **extra):
        message, code = services.do_submit(kind=kind, title=title, body=body, name=name, phone=phone, public=public,
                                           received_at=at(on), **extra)
        message.query_code = code
        return message

    return submit


@pytest.fixture
def token_client(people):
    def make(username: str) -> ApiClient:
        response = ApiClient().post("/auth/token", {"username": username, "password": "zwgk-demo-2026"})
        assert response.status_code == 200, response.content
        return ApiClient(response.json()["token"])

    return make
