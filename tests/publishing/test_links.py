"""The link checker (Art. 39): every link of published content and of the portal's pages is
visited with a time-out, its own user agent and bounded concurrency; broken ones are recorded
per section and department and shown in the workbench. Runs against a local server."""

from __future__ import annotations

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from zwgk.catalog.models import Category, Section
from zwgk.org.models import Staff
from zwgk.publishing.links import USER_AGENT, check_links, links_in
from zwgk.publishing.models import BrokenLink


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2)
        self.send_response(200 if self.path in ("/ok", "/slow") else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def remote():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_links_in_resolves_relative_links_and_leaves_out_mail_and_fragments():
    html = '<a href="/guide/">指南</a><a href="#top">顶部</a><a href="mailto:a@b.cn">信</a><img src="x.png">'
    assert links_in(html, "http://localhost/catalog/item/1/") == [
        "http://localhost/guide/", "http://localhost/catalog/item/1/x.png"]


def test_broken_links_are_recorded_per_section_and_department(demo, remote, staff, client):
    from zwgk.catalog.services import do_import_entry

    section = Section.objects.get(code="news")
    entry = do_import_entry(
        actor=Staff.objects.get(username="clerk"), index_number="11640000010065393W/2026-100801",
        title="国庆期间出入境证件办理指引",
        publisher="公安厅出入境管理局",
        published_on=date(2026, 10, 8), section=section, category=Category.objects.first(),
        body=f'<p><a href="{remote}/ok">办事指南</a> <a href="{remote}/gone">旧版表格</a> '
             f'<a href="{remote}/slow">预约系统</a> <a href="/no-such-page/">站内旧链接</a> '
             '<a href="/guide/">指南</a></p>')
    broken = {link.url: link for link in check_links(concurrency=4, timeout=0.5)}
    assert set(broken) >= {f"{remote}/gone", f"{remote}/slow", "http://localhost/no-such-page/"}
    assert f"{remote}/ok" not in broken, broken[f"{remote}/ok"].problem
    assert "http://localhost/guide/" not in broken
    gone = broken[f"{remote}/gone"]
    assert gone.problem == "HTTP 404" and gone.entry_id == entry.pk
    assert gone.section_id == section.pk and gone.department_id == entry.department_id
    assert "超时" in broken[f"{remote}/slow"].problem
    assert set(_Handler.agents) == {USER_AGENT}

    head = staff("publicity_head")
    client.force_login(head)
    page = client.get("/workbench/publishing/links/").content.decode()
    assert f"{remote}/gone" in page and "HTTP 404" in page
    check_links(concurrency=4, timeout=0.5)
    assert BrokenLink.objects.filter(url=f"{remote}/gone").count() == 1  # the latest check replaces the list
