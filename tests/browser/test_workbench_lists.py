"""A clerk's case list and a leader's batch sign-off in the browser (issue 13)."""

from __future__ import annotations

import io
from datetime import date

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.applications.conftest import person

ON = date(2026, 10, 12)


def _register(username: str = "clerk", **overrides):
    from zwgk.applications import services
    from zwgk.org.models import Staff

    received_on = overrides.pop("received_on", ON)
    application, _code = services.do_submit({**person(**overrides), "channel": "mail", "received_on": received_on},
                                            actor=Staff.objects.get(username="clerk"))
    return application


def _act(application, action: str, username: str, **body):
    from zwgk.applications import services
    from zwgk.applications.models import Application
    from zwgk.org.models import Staff

    services.ACTIONS.perform(Application.objects.get(pk=application.pk), action,
                             actor=Staff.objects.get(username=username), body=body)
    return Application.objects.get(pk=application.pk)


def _login(page, login, username: str) -> None:
    login(username)
    page.wait_for_url("**/workbench/")


def _listed(page) -> list[str]:
    return [n.strip() for n in page.locator("table.case-list tbody tr td:first-child a").all_inner_texts()]


def test_clerk_searches_filters_sorts_and_exports(page, login):
    today = timezone.localdate()
    late = _act(_register(name="王芳", received_on=date(2026, 9, 1)), "transfer", "clerk", on=date(2026, 9, 2),
                lead="traffic")
    fresh = _act(_register(name="赵磊", received_on=today), "transfer", "clerk", on=today, lead="traffic")
    _login(page, login, "clerk")
    page.goto("/workbench/applications/")
    page.get_by_role("link", name="查找与筛选").click()

    # Search by name.
    page.get_by_label("检索").fill("王芳")
    page.get_by_role("button", name="查找").click()
    page.wait_for_load_state()
    assert _listed(page) == [late.number]

    # Filter by status and overdue.
    page.get_by_role("link", name="清除条件").click()
    page.get_by_label("状态").select_option("transferred")
    page.get_by_label("是否超期").select_option("true")
    page.get_by_role("button", name="查找").click()
    page.wait_for_load_state()
    assert late.number in _listed(page) and fresh.number not in _listed(page)
    assert "已超期" in page.locator("table.case-list").inner_text()

    # Sort by number, both ways, keeping the filters.
    page.get_by_label("是否超期").select_option("")
    page.get_by_role("button", name="查找").click()
    page.get_by_role("link", name="编号").click()
    page.wait_for_load_state()
    ascending = _listed(page)
    assert ascending == sorted(ascending) and {late.number, fresh.number} <= set(ascending)
    page.get_by_role("link", name="编号↑").click()
    page.wait_for_load_state()
    assert _listed(page) == ascending[::-1]
    assert page.get_by_label("状态").input_value() == "transferred"

    # Export the filtered list.
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 XLSX").click()
    sheet = load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == ascending[::-1]


def test_leader_signs_two_answers_in_one_pass_with_their_previews(page, login):
    contents = ["随本答复书提供2025年统计年报一份。", "附2025年全区事故统计表。"]
    numbers = []
    for content in contents:
        a = _act(_register(), "transfer", "clerk", on=ON, lead="traffic")
        a = _act(a, "draft_reply", "traffic_handler", on=ON, outcome="disclosed", content=content)
        for username in ("traffic_head", "clerk"):
            a = _act(a, "sign_off", username, on=ON, decision="approve")
        numbers.append(a.number)

    _login(page, login, "leader")
    page.get_by_role("link", name="批量审签").click()
    page.wait_for_url("**/workbench/sign-off/")
    for number, content in zip(numbers, contents, strict=True):
        item = page.locator("article.sign-off-item", has=page.get_by_text(number, exact=True))
        expect(item.get_by_text(content).first).to_be_visible()  # waits for the page, unlike is_visible()
        assert item.get_by_role("link", name="打开 PDF 预览").get_attribute("href").endswith(
            f"/applications/{number}/preview.pdf")
        item.get_by_role("checkbox").check()
    page.get_by_label("同意").check()
    page.get_by_role("button", name="提交审签").click()
    page.wait_for_load_state()
    assert "已审签 2 件" in page.get_by_role("status").inner_text()
    results = page.locator("table.sign-off-results").inner_text()
    assert all(number in results for number in numbers) and results.count("分管厅领导审签：已同意") == 2
