"""Web protection (issue 11; Art. 40): a Content-Security-Policy without inline script or style,
no framing, Permissions-Policy, no-store on personal pages, protected cookies, the API's bearer
scheme in its OpenAPI document."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent.parent / "zwgk"
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:", re.I)


def test_no_template_has_inline_script_style_or_handlers():
    found = [f"{path.relative_to(ROOT)}: {match.group(0)}" for path in ROOT.rglob("templates/**/*.html")
             for match in INLINE.finditer(path.read_text())]
    assert found == []


def test_public_pages_carry_a_policy_without_inline_script_and_no_framing(client, demo):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff" and response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "no-store" not in response.get("Cache-Control", "")


def test_personal_pages_are_never_stored(client, staff, demo):
    assert client.get("/apply/status/")["Cache-Control"] == "no-store"
    assert client.get("/interaction/mailbox/query/")["Cache-Control"] == "no-store"
    assert client.get("/api/v1/catalog/entries")["Cache-Control"] == "no-store"
    client.force_login(staff("clerk"))
    assert client.get("/workbench/")["Cache-Control"] == "no-store"
    assert client.get("/")["Cache-Control"] == "no-store"  # a signed-in person's page is theirs


@override_settings(PRODUCTION=True)
def test_the_portal_cookies_are_secure_httponly_and_samesite_in_production(client, demo):
    for response, name in ((client.get("/visits.svg"), "visitor"), (client.get("/care/", {"on": "1"}), "care")):
        cookie = response.cookies[name]
        assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax", name


def test_the_openapi_document_declares_the_bearer_scheme(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": schema["components"]["securitySchemes"]["bearerAuth"][
            "description"]}
    assert {"bearerAuth": []} in schema["security"]
