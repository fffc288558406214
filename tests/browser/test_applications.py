"""A disclosure application from the portal form to the downloaded answer (Art. 13, 15, 16, 20)."""

from __future__ import annotations

import re

from tests.applications.conftest import RESIDENT_ID


def _login(page, login, username: str) -> None:
    login(username)
    page.wait_for_url("**/workbench/")


def _confirm_if_asked(page) -> None:
    """答复 and 视为放弃 first show what will happen (issue 13): confirm on that page."""
    if page.locator("#confirm-button").count():
        assert "此操作确认后不能撤销" in page.locator("main").inner_text()
        with page.expect_navigation():
            page.locator("#confirm-button").click()


def _act(page, number: str, label: str, fill=None) -> None:
    page.goto(f"/workbench/applications/{number}/")
    details = page.locator("details", has=page.locator("summary", has_text=label))
    details.locator("summary").click()
    if fill:
        fill(details)
    with page.expect_navigation():
        details.get_by_role("button", name=label).click()
    _confirm_if_asked(page)
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
    page.wait_for_load_state()
    assert page.locator("#status").inner_text() == "已答复"
    assert "答复书（一）" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="下载PDF").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def _open(page, number: str, label: str):
    """The action's form on the case page, found by its exact label (同意延期 ≠ 不同意延期)."""
    page.goto(f"/workbench/applications/{number}/")
    summary = page.locator("summary", has_text=re.compile(f"^{label}$"))
    details = page.locator("details", has=summary)
    summary.click()
    return details


def _press(page, number: str, details, label: str) -> None:
    with page.expect_navigation():
        details.get_by_role("button", name=label, exact=True).click()
    _confirm_if_asked(page)
    assert page.url.endswith(f"/workbench/applications/{number}/"), page.locator("main").inner_text()
    assert f"已完成：{label}" in page.get_by_role("status").inner_text()


def _registered_and_transferred(page, login) -> str:
    _login(page, login, "clerk")
    page.goto("/workbench/applications/register/")
    page.get_by_label("姓名").fill("李娟")
    page.get_by_label("证件号码").fill(RESIDENT_ID)
    page.get_by_label("联系电话").fill("13909510002")
    page.get_by_label("特征性描述").fill("2025年全区交通违法处理统计")
    page.get_by_label("申请渠道").select_option("mail")
    with page.expect_navigation():
        page.get_by_role("button", name="登记").click()
    number = page.locator("h2").inner_text().split()[1]
    _act(page, number, "转办", lambda form: form.get_by_label("主办部门").select_option("traffic"))
    return number


def test_a_handler_asks_for_an_extension_and_the_office_head_approves_it(page, login):
    number = _registered_and_transferred(page, login)
    # The handler asks; nothing moves yet.
    _login(page, login, "traffic_handler")
    details = _open(page, number, "申请延期")
    details.get_by_label("延长工作日数").fill("10")
    details.get_by_label("延期理由").fill("涉及多个支队数据，需汇总核对")
    due_before = page.locator("#due-on").inner_text()
    _press(page, number, details, "申请延期")
    assert "待办公室负责人审批" in page.locator("main").inner_text()
    assert page.locator("#due-on").inner_text() == due_before
    assert page.get_by_text("同意延期", exact=True).count() == 0  # not the handler's decision
    # The office head approves in their own session.
    _login(page, login, "chief")
    details = _open(page, number, "同意延期")
    _press(page, number, details, "同意延期")
    main = page.locator("main").inner_text()
    assert "10个工作日（马建国批准）" in main and page.locator("#due-on").inner_text() != due_before
    assert "延期答复告知书" in main


def test_the_reply_issues_the_text_the_chain_signed_off(page, login):
    number = _registered_and_transferred(page, login)
    signed = "随本答复书提供2025年全区交通违法处理统计表一份。"
    _login(page, login, "traffic_handler")
    details = _open(page, number, "拟定答复")
    details.get_by_label("答复类型").select_option("disclosed")
    details.get_by_label("答复内容").fill(signed)
    _press(page, number, details, "拟定答复")
    # Each reviewer reads the answer and can open the letter as it will be sent.
    for username in ("traffic_head", "clerk", "leader"):
        _login(page, login, username)
        page.goto(f"/workbench/applications/{number}/")
        assert page.locator("#draft-content").inner_text() == signed
        assert page.locator("#draft-outcome").inner_text() == "予以公开"
        preview = page.get_by_role("link", name=re.compile("预览答复书"))
        assert preview.get_attribute("href").endswith("/preview.pdf")
        details = _open(page, number, "审签")
        _press(page, number, details, "审签")
    # The handler's reply page shows the signed-off answer and asks only for the date.
    _login(page, login, "traffic_handler")
    details = _open(page, number, "答复申请人")
    assert page.locator("#draft-content").inner_text() == signed
    assert details.get_by_label("答复内容").count() == 0
    _press(page, number, details, "答复申请人")
    assert page.locator("#status").inner_text() == "已答复" and "答复书（一）" in page.locator("main").inner_text()
    response = page.request.get(page.get_by_role("link", name="PDF").first.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF")
