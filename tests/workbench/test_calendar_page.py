"""Calendar upkeep in the workbench: read a notice, confirm, save; edit a year by hand."""

from datetime import date
from pathlib import Path

from zwgk.workdays import services

NOTICE_2026 = (Path(__file__).parent.parent / "workdays" / "fixtures" / "notice-2026.txt").read_text()


def test_everyone_on_staff_can_read_the_calendar(client, staff):
    client.force_login(staff("traffic_handler"))
    html = client.get("/workbench/calendar/?year=2026").content.decode()
    assert "国庆节" in html and "解析通知" not in html


def test_a_handler_cannot_save_it(client, staff):
    client.force_login(staff("traffic_handler"))
    response = client.post("/workbench/calendar/", {"step": "save", "year": 2027, "holidays": "", "workdays": ""})
    assert response.status_code == 403


def test_notice_is_shown_for_confirmation_before_it_is_saved(client, staff):
    client.force_login(staff("chief"))
    html = client.post("/workbench/calendar/", {"step": "parse", "year": 2026, "text": NOTICE_2026}).content.decode()
    assert "确认保存2026年安排" in html and "2026-10-10" in html
    client.post("/workbench/calendar/", {"step": "confirm", "text": NOTICE_2026})
    assert services.calendar_of(2026).source == "国务院办公厅通知"


def test_a_bad_line_is_named_and_nothing_is_saved(client, staff):
    client.force_login(staff("sysadmin"))
    html = client.post(
        "/workbench/calendar/",
        {"step": "save", "year": 2027, "holidays": "2027-10-01 国庆节\n十月二日", "workdays": ""},
    ).content.decode()
    assert "放假日期第2行“十月二日”不是日期" in html
    assert services.calendar_of(2027).known is False


def test_sysadmin_saves_2027_by_hand(client, staff):
    client.force_login(staff("sysadmin"))
    client.post("/workbench/calendar/", {"step": "save", "year": 2027, "holidays": "2027-10-01 国庆节", "workdays": ""})
    assert services.day_info(date(2027, 10, 1)).name == "国庆节"
