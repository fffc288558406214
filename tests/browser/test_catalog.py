"""A handler's draft goes through review, with the secrecy office once, to publication on the portal."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def switch(page, login, username: str) -> None:
    page.wait_for_load_state()  # the page the last click opened, before counting its buttons
    if page.get_by_role("button", name="退出").count():
        page.get_by_role("button", name="退出").click()
    login(username)
    page.wait_for_url("**/workbench/")


def test_draft_reviewed_by_head_and_secrecy_office_is_published(page, login):
    switch(page, login, "publicity_handler")
    page.goto("/workbench/catalog/new/")
    page.get_by_label("信息名称").fill("全区公安机关开展反诈宣传进社区活动")
    page.get_by_label("栏目").select_option(label="公安要闻")
    page.get_by_label("主动公开类别").select_option(label="专项行动、专项斗争情况")
    page.get_by_label("正文").first.fill("近日，全区公安机关开展反诈宣传进社区活动。\n群众反诈意识明显增强。")
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_url(re.compile(r".*/workbench/catalog/\d+/$"))
    detail = page.url
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_load_state()
    assert page.locator(".status").inner_text() == "审核中"

    switch(page, login, "publicity_head")
    page.goto(detail)
    page.get_by_label("是否涉密不能确定，提交厅保密办审查").check()
    page.get_by_label("审核意见").fill("涉及警务工作安排，是否涉密不能确定")
    page.get_by_role("button", name="提交审核意见").click()
    page.wait_for_load_state()
    assert page.locator(".status").inner_text() == "保密审查中"

    switch(page, login, "secrecy")
    page.goto("/workbench/")
    page.get_by_role("link", name="保密审查：全区公安机关开展反诈宣传进社区活动").click()
    page.get_by_label("同意公开").check()
    page.get_by_label("审核意见").fill("不涉密，同意公开")
    page.get_by_role("button", name="提交审核意见").click()
    page.wait_for_load_state()
    assert page.locator(".status").inner_text() == "待发布"
    assert "厅保密办审查" in page.locator("table.ledger").inner_text()

    switch(page, login, "publicity_handler")
    page.goto(detail)
    page.get_by_role("button", name="发布").click()
    expect(page.locator("h2")).to_contain_text("确认发布")
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert page.locator(".status").inner_text() == "已发布"
    number = re.search(r"索引号 (\S+)。", page.get_by_role("status").inner_text()).group(1)
    assert number.startswith("11640000010065393W/")

    page.get_by_role("link", name="查看门户网站页面").click()
    page.wait_for_load_state()
    meta = page.locator("table.entry-meta").inner_text()
    assert number in meta and "主动公开" in meta and "公安厅宣传处" in meta
    assert page.get_by_role("heading", name="全区公安机关开展反诈宣传进社区活动").is_visible()
    crumbs = page.get_by_role("navigation", name="当前位置").inner_text()
    assert "网站首页 >> 警务公开 >> 信息公开目录 >> 正文" in crumbs

    page.goto("/catalog/?q=反诈")
    assert page.locator("mark").first.inner_text() == "反诈"


def test_seed_document_page_works_without_javascript(browser, live_server, reference_data, browser_demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="信息公开目录").first.click()
    page.get_by_label("关键词").fill("政务公开工作实施办法")
    page.get_by_role("button", name="检索").click()
    page.get_by_role("link", name=re.compile("宁夏公安厅政务公开工作实施办法")).first.click()
    page.wait_for_load_state()
    assert "11640000010065393W/2018-091101" in page.locator("table.entry-meta").inner_text()
    page.get_by_role("link", name="关闭窗口").click()
    assert "/catalog/section/regulations/" in page.url
    context.close()


def test_a_draft_with_personal_data_is_released_by_the_secrecy_office_finding_by_finding(page, login):
    """Art. 4: the handler cannot publish over the scan; the secrecy office confirms each finding."""
    switch(page, login, "publicity_handler")
    page.goto("/workbench/catalog/new/")
    page.get_by_label("信息名称").fill("关于悬赏通缉犯罪嫌疑人的通告")
    page.get_by_label("栏目").select_option(label="公安要闻")
    page.get_by_label("主动公开类别").select_option(label="专项行动、专项斗争情况")
    page.get_by_label("正文").first.fill("犯罪嫌疑人张某，公民身份号码11010519491231002X，联系电话13912345678。")
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_url(re.compile(r".*/workbench/catalog/\d+/$"))
    detail = page.url
    page.get_by_role("button", name="提交审核").click()

    switch(page, login, "publicity_head")
    page.goto(detail)
    page.get_by_label("同意公开").check()
    page.get_by_role("button", name="提交审核意见").click()
    page.wait_for_load_state()
    assert page.locator(".status").inner_text() == "待发布"

    switch(page, login, "publicity_handler")
    page.goto(detail)
    assert page.get_by_role("button", name="发布").count() == 0

    switch(page, login, "secrecy")
    page.goto("/workbench/")
    page.get_by_role("link", name="确认放行检查提示：关于悬赏通缉犯罪嫌疑人的通告").click()
    boxes = page.locator("input[name=accepted_findings]")
    expect(boxes).to_have_count(2)  # retries while the page that the link opened is still loading
    for i in range(boxes.count()):
        boxes.nth(i).check()
    page.get_by_label("放行理由").fill("系公开悬赏通缉，依法公开")
    page.get_by_role("button", name="发布").click()
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert page.locator(".status").inner_text() == "已发布"
    assert "检查提示经确认后发布" in page.locator("table.ledger").inner_text()
    assert "确认放行检查提示" in page.locator("ol.events").inner_text()
