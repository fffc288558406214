"""The applicant supplements online (Art. 15 ¶2): on the status page, with the query code, they
read the notice and its deadline, send the supplement with a file, and see the case back in
progress with a new reply deadline."""

from __future__ import annotations

from datetime import date

from tests.applications.conftest import person

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_citizen_supplements_online_with_a_file(page, browser_demo, on_day, tmp_path):
    from zwgk.applications import services
    from zwgk.applications.models import Application
    from zwgk.org.models import Staff

    on_day(date(2026, 9, 28))
    application, code = services.do_submit(person())
    services.ACTIONS.perform(application, "request_supplement", actor=Staff.objects.get(username="clerk"),
                             body={"on": "2026-09-28", "items": ["请写明所需统计年报的年份"]})
    on_day(date(2026, 10, 9))  # after National Day, before the deadline

    page.goto("/apply/status/")
    page.get_by_label("申请编号").fill(application.number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    assert page.locator("#status").inner_text() == "待补正"
    notice = page.locator("#supplement-notice").inner_text()
    assert "请写明所需统计年报的年份" in notice
    assert page.locator("#supplement-due").inner_text() == "2026年10月23日"

    upload = tmp_path / "年份说明.pdf"
    upload.write_bytes(PDF)
    page.get_by_label("补正内容").fill("所需为2025年度全区道路交通事故统计年报。")
    page.get_by_label("补正材料").set_input_files(str(upload))
    page.get_by_role("button", name="提交补正").click()

    page.locator("#supplemented").wait_for()
    assert page.locator("#status").inner_text() == "已登记，待初审"
    assert "2026年10月29日" in page.locator("#supplemented").inner_text()
    assert "申请人在线补正，附材料1份" in page.locator("main").inner_text()
    assert page.locator("#supplement-notice").count() == 0
    a = Application.objects.get(pk=application.pk)
    assert a.status == "received" and a.due_on == date(2026, 10, 29)
    assert [f.name for s in a.supplements.all() for f in s.files.all()] == ["年份说明.pdf"]
