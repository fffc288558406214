"""The two faces in a real browser: the portal speaks Chinese; clerks log in to the workbench."""

from playwright.sync_api import expect


def test_home_page_renders_in_chinese(page, browser_demo):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    nav = page.get_by_role("navigation", name="主导航")
    for label in ("首页", "警务公开", "服务大厅", "警民互动", "政务诚信"):
        assert nav.get_by_role("link", name=label).is_visible()
    assert "宁夏回族自治区公安厅" in page.title()
    assert "网站标识码：6400000032" in page.locator("footer").inner_text()


def test_care_mode_enlarges_type_without_javascript(browser, live_server, browser_demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="关怀模式（大字体）").click()
    expect(page.locator("body")).to_have_class("care")  # the page the link opened, not the one it left
    context.close()


def test_clerk_logs_in_and_sees_the_workbench(page, login):
    login("clerk")
    page.wait_for_url("**/workbench/")
    assert page.get_by_role("heading", name="我的待办").is_visible()
    assert "王晓燕" in page.locator("header").inner_text()


def test_wrong_password_shows_a_clear_message(page, login):
    login("clerk", "not-the-password")
    assert page.get_by_role("alert").inner_text() == "用户名或密码错误。"
    assert "/workbench/login/" in page.url
