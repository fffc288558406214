"""Shared fixtures: demo-like departments and staff, API clients with tokens."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with empty counters (limits on lookups and submissions live in the cache)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(request, db) -> None:
    """The demo data of API.md (departments, accounts, sections, site furniture): loaded once per
    state and copied back after (tests.support.snapshot), but in transactional tests and where
    the load publishes the static tree."""
    from django.conf import settings

    from tests.support import snapshot

    def load() -> None:
        call_command("load_demo", stdout=open("/dev/null", "w"))

    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    if transactional or settings.ZWGK_PUBLISH_ON_CHANGE:
        load()
    else:
        snapshot.load_demo(load)


@pytest.fixture
def staff(demo):
    """Look up a demo account by username."""
    from zwgk.org.models import Staff

    return lambda username: Staff.objects.get(username=username)


class ApiClient:
    """JSON calls to /api/v1 with an optional bearer token."""

    def __init__(self, token: str | None = None) -> None:
        self.client = Client()
        self.token = token

    def _headers(self, headers: dict | None) -> dict:
        result = dict(headers or {})
        if self.token:
            result["Authorization"] = f"Bearer {self.token}"
        return result

    def get(self, path: str, params: dict | None = None, headers: dict | None = None):
        return self.client.get(f"/api/v1{path}", params or {}, headers=self._headers(headers))

    def post(self, path: str, body: object = None, headers: dict | None = None):
        return self.client.post(
            f"/api/v1{path}", body if body is not None else {}, content_type="application/json",
            headers=self._headers(headers),
        )

    def put(self, path: str, body: object, headers: dict | None = None):
        return self.client.put(f"/api/v1{path}", body, content_type="application/json", headers=self._headers(headers))

    def patch_json(self, path: str, body: object, headers: dict | None = None):
        return self.client.patch(f"/api/v1{path}", body, content_type="application/json",
                                 headers=self._headers(headers))

    def delete(self, path: str, headers: dict | None = None):
        return self.client.delete(f"/api/v1{path}", headers=self._headers(headers))


@pytest.fixture
def api(db) -> ApiClient:
    """An anonymous API client."""
    return ApiClient()


@pytest.fixture
def api_as(demo):
    """An API client logged in as a demo account: ``api_as("clerk")``."""

    def make(username: str) -> ApiClient:
        response = ApiClient().post("/auth/token", {"username": username, "password": "zwgk-demo-2026"})
        assert response.status_code == 200, response.content
        return ApiClient(response.json()["token"])

    return make


@pytest.fixture
def reference_data(transactional_db):
    """The reference data the project's migrations seed (roles, calendar, time limits, categories,
    number patterns): a live-server test flushes the database after each test, that data included."""
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    plan: dict[tuple[str, str], None] = {}  # each migration once, in dependency order
    for key in loader.graph.leaf_nodes():
        plan.update(dict.fromkeys(loader.graph.forwards_plan(key)))
    for app_label, name in plan:
        migration = loader.disk_migrations.get((app_label, name))
        if migration is None or not type(migration).__module__.startswith("zwgk."):
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                with connection.schema_editor(atomic=False) as editor:
                    operation.code(apps, editor)


@pytest.fixture
def on_day(monkeypatch):
    """Make ``timezone.localdate()`` answer a fixed day (real 2026 calendar dates in tests)."""

    def set_day(day: date) -> None:
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: day)

    return set_day
