"""Director's mailbox journey (Art. 28–32): a citizen writes, the office routes, the department
answers, the public page shows it masked."""

from __future__ import annotations

NAME, PHONE, RESIDENT_ID = "欧阳明辉", "13709518888", "640104198807150023"


def test_citizen_writes_office_routes_department_answers_public_sees_it_masked(page, login):
    page.goto("/interaction/mailbox/")
    assert page.get_by_role("alert").first.inner_text().startswith("紧急情况请拨打 110")
    page.get_by_label("业务咨询").check()
    page.get_by_label("标题").fill("孩子落户需要什么材料")
    page.get_by_label("内容").fill(f"我叫{NAME}，身份证{RESIDENT_ID}，电话{PHONE}，孩子出生后户口怎么落？")
    page.get_by_label("姓名").fill(NAME)
    page.get_by_label("联系电话").fill(PHONE)
    page.get_by_role("button", name="提交").click()
    page.wait_for_url("**/mailbox/receipt/")
    number = page.locator("#number").inner_text().strip()
    code = page.locator("#code").inner_text().strip()
    assert number.startswith("TZXX-") and len(code) == 8

    login("clerk")
    page.wait_for_url("**/workbench/")
    page.goto("/workbench/messages/?q=routing")
    page.get_by_role("link", name=number).click()
    page.wait_for_load_state()
    assert page.locator(".original").inner_text().count(PHONE) == 1
    assert PHONE not in page.locator(".masked").inner_text()
    page.get_by_label("承办部门").select_option("public_order")
    page.get_by_role("button", name="定性并分办").click()
    page.wait_for_load_state()
    assert "已分办" in page.locator(".notice").first.inner_text() or "已定性" in page.content()
    page.get_by_role("button", name="退出").click()

    login("public_order_handler")
    page.wait_for_url("**/workbench/")
    page.goto("/workbench/messages/?q=mine")
    page.get_by_role("link", name=number).click()
    page.get_by_label("答复内容").fill(f"{NAME}您好！请携带出生医学证明和父母户口簿到派出所办理。")
    page.get_by_role("button", name="提交答复").click()
    page.wait_for_load_state()
    assert "确认答复" in page.locator("h2").inner_text()
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert "已答复" in page.content()
    page.get_by_role("button", name="退出").click()

    page.goto("/interaction/mailbox/query/")  # the code travels by POST, never in the address
    page.get_by_label("信息编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    assert page.locator("#status").inner_text() == "已答复"

    page.goto("/interaction/mailbox/public/")
    page.get_by_role("link", name="孩子落户需要什么材料").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "请携带出生医学证明" in text
    for private in (NAME, PHONE, RESIDENT_ID):
        assert private not in page.content()
    assert "欧阳某某" in text


def test_a_complaint_reply_is_shown_only_after_the_department_head_approves_it(page, login):
    """Art. 29 (一把手负责制): the inspection corps' handler drafts the reply to a complaint, the
    corps' head approves it in their own session, and only then is it shown, masked (Art. 32)."""
    title = "派出所民警态度恶劣"
    page.goto("/interaction/mailbox/")
    page.get_by_label("监督投诉").check()
    page.get_by_label("标题").fill(title)
    page.get_by_label("内容").fill(f"我叫{NAME}，电话{PHONE}，到派出所办理居住证时民警推诿刁难。")
    page.get_by_label("姓名").fill(NAME)
    page.get_by_label("联系电话").fill(PHONE)
    page.get_by_role("button", name="提交").click()
    page.wait_for_url("**/mailbox/receipt/")
    number = page.locator("#number").inner_text().strip()

    login("clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"/workbench/messages/{number}/")
    page.get_by_label("承办部门").select_option("inspection")
    page.get_by_role("button", name="定性并分办").click()
    page.get_by_role("button", name="退出").click()

    login("inspection_handler")
    page.wait_for_url("**/workbench/")
    page.goto("/workbench/messages/?q=mine")
    page.get_by_role("link", name=number).click()
    page.wait_for_load_state()
    assert "须经部门负责人审批后发出" in page.content()
    page.get_by_label("答复内容").fill(f"{NAME}您好！经督察部门核查，已责令该所整改，并对相关民警批评教育。")
    page.get_by_role("button", name="提交答复").click()
    page.wait_for_load_state()
    assert "已提交部门负责人审批" in page.locator(".notice").first.inner_text()
    page.get_by_role("button", name="退出").click()

    page.goto("/interaction/mailbox/public/")
    assert title not in page.content()  # not shown before the head approves

    login("inspection_head")
    page.wait_for_url("**/workbench/")
    page.goto("/workbench/messages/?q=head")
    page.get_by_role("link", name=number).click()
    page.wait_for_load_state()
    assert "已责令该所整改" in page.locator("#head-draft").inner_text()
    page.get_by_label("审批意见").fill("同意")
    page.get_by_role("button", name="审批同意并发出").click()
    page.wait_for_load_state()
    assert "确认答复" in page.locator("h2").inner_text()  # the approval sends the reply: confirmed first
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert "已审批同意，答复已发出" in page.locator(".notice").first.inner_text()
    page.get_by_role("button", name="退出").click()

    page.goto("/interaction/mailbox/public/")
    page.get_by_role("link", name=title).click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "已责令该所整改" in text and "欧阳某某" in text
    for private in (NAME, PHONE):
        assert private not in page.content()
