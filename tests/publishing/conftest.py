"""A fresh static tree and cache for each test; the demo catalog rendered into it on request."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def site_dir(tmp_path, settings):
    from django.core.cache import cache

    settings.ZWGK_SITE_DIR = tmp_path / "site"
    settings.ZWGK_PUBLISH_ON_CHANGE = True
    cache.clear()
    yield settings.ZWGK_SITE_DIR
    cache.clear()


@pytest.fixture
def published(demo, site_dir):
    """The demo data with the whole tree rendered."""
    from zwgk.publishing import services

    services.publish_site()
    return site_dir


@pytest.fixture
def live(settings):
    """The live page as Django answers it to an anonymous visitor, host as the tree is rendered for."""
    from urllib.parse import urlsplit

    from django.test import Client

    split = urlsplit(settings.ZWGK_SITE_URL)
    client = Client(HTTP_HOST=split.netloc)

    def get(url: str) -> bytes:
        response = client.get(url)
        assert response.status_code == 200, url
        return b"".join(response.streaming_content) if response.streaming else response.content

    return get
