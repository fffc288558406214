"""Atom feed per section, sitemap.xml, and the machine-readable catalog (JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from tests.catalog.conftest import SEED_NUMBER

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_section_feed_is_atom_with_the_newest_entries(client, demo):
    response = client.get("/catalog/section/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert 0 < len(entries) <= 30


def test_sitemap_lists_every_published_entry(client, demo):
    from zwgk.catalog.models import Entry

    index = ET.fromstring(client.get("/sitemap.xml").content)
    locs = [e.text for e in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    urls = []
    for loc in locs:
        page = ET.fromstring(body(client.get(loc.replace("http://testserver", ""))))
        urls += [e.text for e in page.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"http://testserver/catalog/item/{SEED_NUMBER}/" in urls
    assert sum("/catalog/item/" in u for u in urls) == Entry.objects.filter(status="published").count()


def test_json_and_csv_exports_hold_the_published_catalog(client, demo):
    rows = json.loads(body(client.get("/catalog/export.json", {"year": 2018})))
    assert any(r["index_number"] == SEED_NUMBER and r["title"] == "宁夏公安厅政务公开工作实施办法" for r in rows)
    text = body(client.get("/catalog/export.csv", {"year": 2018})).decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    assert {r["index_number"] for r in records} == {r["index_number"] for r in rows}
