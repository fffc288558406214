"""Demo data per API.md: loaded again it changes nothing; never in production."""

import pytest
from django.core.management import CommandError, call_command

from zwgk.catalog.models import Section
from zwgk.org.demo import DEPARTMENTS
from zwgk.org.models import Department, Staff


def test_every_department_has_a_handler_a_head_and_a_section(demo):
    for code, _, _ in DEPARTMENTS:
        assert (
            Staff.objects.filter(username__in=[f"{code}_handler", f"{code}_head"], department__code=code).count() == 2
        )
        assert Section.objects.filter(department__code=code).exists(), code


def test_named_accounts_log_in_with_the_demo_password(demo):
    for username in ("clerk", "chief", "leader", "inspector", "sysadmin", "secrecy"):
        assert Staff.objects.get(username=username).check_password("zwgk-demo-2026")


def test_loading_twice_keeps_what_is_there(demo):
    clerk = Staff.objects.get(username="clerk")
    clerk.set_password("Changed-Password-1")
    clerk.save()
    counts = (Department.objects.count(), Staff.objects.count(), Section.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Department.objects.count(), Staff.objects.count(), Section.objects.count()) == counts
    assert Staff.objects.get(username="clerk").check_password("Changed-Password-1")


def test_demo_data_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="生产环境"):
        call_command("load_demo")


def test_the_demo_cases_are_alerted_to_staff_in_one_run_at_the_end(db, monkeypatch,
                                                                   django_capture_on_commit_callbacks):
    """In the embedded default a run per case event computed every concerned person's to-do list
    some 150 times in one load; gathered, it is one run over all the demo events."""
    from zwgk.events.models import Event
    from zwgk.workbench import alerts
    from zwgk.workbench.models import StaffAlert

    runs: list[list[int]] = []
    alert_events = alerts.alert_events
    monkeypatch.setattr(alerts, "alert_events", lambda ids: runs.append(ids) or alert_events(ids))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))
    case_events = Event.objects.filter(content_type__app_label__in=["applications", "interaction"])
    assert len(runs) == 1 and set(runs[0]) == set(case_events.values_list("pk", flat=True))
    assert StaffAlert.objects.exists()
