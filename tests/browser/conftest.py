"""Browser journeys: Debian's Chromium driven by Playwright against Django's live server.

Never downloads a browser: it launches /usr/bin/chromium (apt-get install -y chromium).

A click that opens a page returns once the navigation has committed, before the new page is
parsed: read the page after ``page.wait_for_load_state()`` or through ``expect()``, which retries
(``count()``, ``inner_text()`` and ``get_attribute()`` read whatever is there at that moment; CI
once counted 0 checkboxes on a page still loading).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable by the test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, reference_data) -> Iterator[object]:
    """A fresh browser page whose relative URLs go to the live server (``page.goto("/")``)."""
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def browser_demo(reference_data) -> None:
    """Demo data for a browser journey (the live server needs a transactional database)."""
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture
def login(page, browser_demo):
    """Log a demo account into the workbench in the browser page."""

    def do(username: str, password: str = "zwgk-demo-2026") -> None:
        page.goto("/workbench/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill(password)
        page.get_by_role("button", name="登录").click()

    return do


@pytest.fixture
def axe_page(browser, live_server, reference_data) -> Iterator[object]:
    """A page for the axe-core runs (``tests/browser/a11y.py``), in a context with ``bypass_csp=True``.

    The site's Content-Security-Policy (django-csp, ``script-src 'self'``, no inline script) would
    refuse the injected axe-core script; this context alone ignores the policy so that axe can run.
    The policy itself stays enforced and is tested in every other context (``test_csp.py``)."""
    from tests.browser.a11y import AXE

    if not AXE.exists():
        message = f"{AXE} is missing: run `make install` (npm ci installs axe-core)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
