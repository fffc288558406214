"""A disclosure application from the portal form to the downloaded answer (Art. 13, 15, 16, 20)."""

from __future__ import annotations

from tests.applications.conftest import RESIDENT_ID


def _login(page, login, username: str) -> None:
    login(username)
    page.wait_for_url("**/workbench/")


def _act(page, number: str, label: str, fill=None) -> None:
    page.goto(f"/workbench/applications/{number}/")
    details = page.locator("details", has=page.locator("summary", has_text=label))
    details.locator("summary").click()
    if fill:
        fill(details)
    with page.expect_navigation():
        details.get_by_role("button", name=label).click()
    assert page.url.endswith(f"/workbench/applications/{number}/"), page.locator("main").inner_text()
    assert f"已完成：{label}" in page.get_by_role("status").inner_text()


def test_citizen_applies_and_downloads_the_signed_off_answer(page, login):
    # The citizen applies in the portal's service hall.
    page.goto("/apply/")
    page.get_by_label("姓名").fill("张明")
    page.get_by_label("证件号码").fill(RESIDENT_ID)
    page.get_by_label("联系电话").fill("13909510001")
    page.get_by_label("特征性描述").fill("2025年全区道路交通事故统计年报")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/receipt/**")
    number = page.locator("#number").inner_text().strip()
    code = page.locator("#query-code").inner_text().strip()
    assert number.startswith("YSQ-") and "答复期限" in page.locator(".receipt").inner_text()

    # The clerk transfers it to the traffic police corps.
    _login(page, login, "clerk")
    _act(page, number, "转办", lambda form: form.get_by_label("主办部门").select_option("traffic"))
    # The handler drafts; the chain signs off: department head, office (核稿), supervising leader.
    _login(page, login, "traffic_handler")
    _act(page, number, "拟定答复", lambda form: (
        form.get_by_label("答复类型").select_option("disclosed"),
        form.get_by_label("答复内容").fill("随本答复书提供统计年报一份。"),
    ))
    for username in ("traffic_head", "clerk", "leader"):
        _login(page, login, username)
        _act(page, number, "审签")
    _login(page, login, "traffic_handler")
    _act(page, number, "答复申请人")
    assert page.locator("#status").inner_text() == "已答复"

    # The citizen sees the answer and downloads the letter.
    page.goto("/apply/status/")  # the code travels by POST, never in the address
    page.get_by_label("申请编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    assert page.locator("#status").inner_text() == "已答复"
    assert "答复书（一）" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="下载PDF").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
