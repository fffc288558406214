"""Fixtures for the catalog: API clients of the demo accounts and a draft factory."""

from __future__ import annotations

import pytest

SEED_NUMBER = "11640000010065393W/2018-091101"
VALID_ID = "11010519491231002X"  # GB 11643 example number with a correct check character


@pytest.fixture
def handler(api_as):
    return api_as("publicity_handler")


@pytest.fixture
def head(api_as):
    return api_as("publicity_head")


@pytest.fixture
def secrecy(api_as):
    return api_as("secrecy")


@pytest.fixture
def draft(handler):
    """Create a draft through the API: ``draft(title=..., body=...)`` returns its JSON."""

    def make(**fields):
        body = {
            "title": "全区公安机关开展夏季治安打击整治行动",
            "section": "news",
            "category": "campaigns",
            "body": "<p>全区公安机关集中开展夏季治安打击整治行动，维护社会治安稳定。</p>",
            "disclosure_attribute": "public",
            **fields,
        }
        response = handler.post("/catalog/drafts", body)
        assert response.status_code == 201, response.content
        return response.json()

    return make


@pytest.fixture(autouse=True)
def fresh_cache():
    """Counts and the home page are cached; each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
