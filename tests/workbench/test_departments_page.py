"""The responsibility tables are data, edited in the workbench (Art. 25, 29)."""

from zwgk.catalog.models import Section
from zwgk.events.models import Event
from zwgk.org.models import Department, MessageRoute


def test_a_handler_may_not_see_the_page(client, staff):
    client.force_login(staff("traffic_handler"))
    assert client.get("/workbench/departments/").status_code == 403


def test_inspector_reads_but_cannot_edit(client, staff):
    client.force_login(staff("inspector"))
    html = client.get("/workbench/departments/").content.decode()
    assert "交警总队" in html and "新增归口规则" not in html


def test_sysadmin_moves_a_section_and_the_change_is_an_event(client, staff):
    client.force_login(staff("sysadmin"))
    section = Section.objects.get(code="wanted")
    traffic = Department.objects.get(code="traffic")
    client.post("/workbench/departments/", {"step": "assign", "section": section.pk, "department": traffic.pk})
    section.refresh_from_db()
    assert section.department == traffic
    assert Event.objects.for_object(section).get().action == "section_assigned"


def test_sysadmin_adds_a_routing_rule(client, staff):
    client.force_login(staff("sysadmin"))
    dept = Department.objects.get(code="exit_entry")
    client.post("/workbench/departments/", {"step": "route", "matter": "签证延期", "kind": "consultation",
                                            "keywords": "签证 延期", "department": dept.pk, "priority": 5})
    assert MessageRoute.objects.get(matter="签证延期").department == dept
