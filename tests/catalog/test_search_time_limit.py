"""A public search that would hold the database too long is cancelled and the person is asked to
narrow it (PostgreSQL's statement timeout, SQLite's progress handler)."""

from __future__ import annotations

import pytest
from django.db import connection

from zwgk.catalog import search

pytestmark = pytest.mark.django_db
# a query that runs for seconds on either database
SLOW = {"postgresql": "SELECT pg_sleep(1)",
        "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
                  "SELECT count(*) FROM n"}


@pytest.fixture
def slow_search(monkeypatch, settings):
    settings.ZWGK_SEARCH_TIMEOUT_MS = 50

    def slow(self, query, filters, *, limit, offset):
        self.run(SLOW[connection.vendor], [])
        raise AssertionError("the time limit should have cancelled the query")

    monkeypatch.setattr(type(search.backend()), "find", slow)


def test_a_search_too_slow_is_refused_on_the_page_with_a_chinese_message(demo, client, slow_search):
    page = client.get("/catalog/", {"q": "规范警"})
    assert page.status_code == 200
    assert search.TOO_BROAD in page.content.decode()


def test_a_search_too_slow_is_a_422_naming_q_in_the_api(demo, client, slow_search):
    response = client.get("/api/v1/catalog", {"q": "规范警"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"q": "检索范围过大"}


def test_the_connection_stays_usable_after_a_cancelled_search(demo, client, slow_search):
    from zwgk.catalog.models import Entry

    client.get("/catalog/", {"q": "规范警"})
    assert Entry.objects.filter(status="published").exists()


def test_the_limit_is_for_the_whole_search_not_for_each_statement(demo, monkeypatch, settings):
    """Each statement below alone fits in the limit (on PostgreSQL); together they do not."""
    from zwgk.core.errors import InvalidInput

    settings.ZWGK_SEARCH_TIMEOUT_MS = 100
    part = {"postgresql": "SELECT pg_sleep(0.04)", "sqlite": SLOW["sqlite"]}[connection.vendor]

    def several(self, query, filters, *, limit, offset):
        for _ in range(4):
            self.run(part, [])
        raise AssertionError("the time limit should have cancelled the search")

    monkeypatch.setattr(type(search.backend()), "find", several)
    with pytest.raises(InvalidInput):
        search.search(search.parse_query("规范"))
