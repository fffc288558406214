"""The Content-Security-Policy enforced in a real browser (issue 11): the main public pages and the
workbench load without a single policy violation (no inline script or style anywhere)."""

from __future__ import annotations

import pytest

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || ""));
});
"""

PUBLIC = ["/", "/channel/disclosure/", "/channel/services/", "/channel/interaction/", "/channel/integrity/",
          "/catalog/", "/catalog/section/news/", "/catalog/?q=%E5%85%AC%E5%AE%89", "/guide/", "/apply/",
          "/apply/status/", "/interaction/mailbox/", "/interaction/mailbox/public/", "/interaction/mailbox/query/",
          "/no-such-page/"]


@pytest.fixture
def watched(page):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    return page, console


def _violations(page, console: list[str]) -> list[str]:
    return [*page.evaluate("window.__csp || []"), *(t for t in console if "Content Security Policy" in t)]


def test_main_public_pages_load_without_a_policy_violation(watched, browser_demo):
    from zwgk.catalog.models import Entry

    page, console = watched
    entry = Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).first()
    for url in [*PUBLIC, entry.get_absolute_url()]:
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("load")
        assert _violations(page, console) == [], url


def test_the_workbench_loads_without_a_policy_violation(watched, login):
    page, console = watched
    login("clerk")
    page.wait_for_url("**/workbench/")
    for url in ["/workbench/", "/workbench/catalog/"]:
        page.goto(url)
        page.wait_for_load_state("load")
        assert _violations(page, console) == [], url
