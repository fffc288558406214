"""DEBUG off is the default (issue 9): our own 404 and 500 pages, static files from WhiteNoise."""

from __future__ import annotations

import os
import subprocess
import sys

from django.test import Client, RequestFactory


def test_debug_is_off_unless_asked_for():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "ZWGK_ENV")}
    env["DJANGO_SETTINGS_MODULE"] = "zwgk.settings"
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "False", result.stderr
    result = subprocess.run([sys.executable, "-c", code], env={**env, "DEBUG": "1"}, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "True", result.stderr


def test_a_missing_page_is_our_chinese_404_with_the_portal_furniture(demo):
    response = Client().get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html and "版权所有" in html and "警务公开" in html
    assert "URLconf" not in html and "urlpatterns" not in html and "Page not found" not in html


def test_a_server_error_is_our_chinese_500_page(demo):
    from zwgk.portal.portal_views import server_error

    request = RequestFactory().get("/some/page/")
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500 and "服务器内部错误" in html and "版权所有" in html
    assert "Traceback" not in html


def test_the_500_page_survives_a_broken_site(monkeypatch):
    from zwgk.portal import portal_views

    def broken(*args, **kwargs):
        raise RuntimeError("database is gone")

    monkeypatch.setattr(portal_views, "render", broken)
    response = portal_views.server_error(RequestFactory().get("/x/"))
    assert response.status_code == 500 and "服务器内部错误" in response.content.decode()


def test_static_files_are_served_with_debug_off(db, settings):
    assert settings.DEBUG is False
    response = Client().get("/static/portal/site.css")
    assert response.status_code == 200
    assert b"error-summary" in b"".join(response.streaming_content) if response.streaming else response.content
