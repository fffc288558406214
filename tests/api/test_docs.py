"""The API's documents: OpenAPI JSON and human docs, served with local assets only (no CDN)."""

import re


def test_openapi_document_lists_the_contract_paths(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/workdays/deadline", "/api/v1/workdays/{date}", "/api/v1/calendar/{year}",
                 "/api/v1/calendar/parse-notice", "/api/v1/policy", "/api/v1/auth/token"):
        assert path in paths


def test_docs_page_loads_no_asset_from_the_internet(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger" in html.lower()
    assert not re.search(r'(src|href)="https?://', html)
