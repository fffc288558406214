"""Every public page passes axe-core's WCAG 2.1 A/AA rules, in normal mode and in 关怀模式 (the brief;
GB/T 37668). A failure lists each violation: page, rule id, target."""

from __future__ import annotations

from tests.applications.conftest import RESIDENT_ID
from tests.browser.a11y import axe_violations, care_on, describe, public_pages


def _check(page, urls: list[str]) -> list[str]:
    found: list[str] = []
    for url in urls:
        page.goto(url)
        found += describe(url, axe_violations(page))
    return found


def test_every_public_page_passes_wcag_21_aa_in_both_modes(axe_page, browser_demo):
    """Both modes in one test: loading the demo data is the slow part."""
    pages = public_pages()
    found = _check(axe_page, pages)
    care_on(axe_page)
    found += [f"关怀模式 {line}" for line in _check(axe_page, pages)]
    assert not found, "axe-core WCAG 2.1 AA violations:\n" + "\n".join(found)


def _results_after_submitting(page) -> list[str]:
    """The pages a citizen sees after submitting: both receipts and both lookups with their answer."""
    found: list[str] = []
    page.goto("/apply/")
    page.get_by_label("姓名").fill("张明")
    page.get_by_label("证件号码").fill(RESIDENT_ID)
    page.get_by_label("联系电话").fill("13909510001")
    page.get_by_label("特征性描述").fill("2025年全区道路交通事故统计年报")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/receipt/**")
    found += describe("申请回执", axe_violations(page))
    number, code = page.locator("#number").inner_text().strip(), page.locator("#query-code").inner_text().strip()
    page.goto("/apply/status/")
    page.get_by_label("申请编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    page.locator("#status").wait_for()
    found += describe("申请查询结果", axe_violations(page))

    page.goto("/interaction/mailbox/")
    page.get_by_label("业务咨询").check()
    page.get_by_label("标题").fill("孩子落户需要什么材料")
    page.get_by_label("内容").fill("孩子出生后户口怎么落？")
    page.get_by_label("姓名").fill("欧阳明辉")
    page.get_by_label("联系电话").fill("13709518888")
    page.get_by_role("button", name="提交").click()
    page.wait_for_url("**/mailbox/receipt/")
    found += describe("信箱回执", axe_violations(page))
    number, code = page.locator("#number").inner_text().strip(), page.locator("#code").inner_text().strip()
    page.goto("/interaction/mailbox/query/")
    page.get_by_label("信息编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    page.locator("#status").wait_for()
    found += describe("信箱查询结果", axe_violations(page))
    return found


def test_receipts_and_lookup_results_pass_wcag_21_aa_in_both_modes(axe_page, browser_demo):
    found = _results_after_submitting(axe_page)
    care_on(axe_page)
    found += [f"关怀模式 {line}" for line in _results_after_submitting(axe_page)]
    assert not found, "axe-core WCAG 2.1 AA violations:\n" + "\n".join(found)
