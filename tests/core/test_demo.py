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
