"""One permission layer: roles grant actions; outside one's department a case is 404."""

import pytest

from zwgk.core.errors import Forbidden, NotAuthenticated, NotFound
from zwgk.org.models import Department
from zwgk.org.permissions import can, get_for, require, rule


def test_sysadmin_may_manage_the_calendar_and_a_handler_may_not(staff):
    assert can(staff("sysadmin"), "calendar.manage")
    assert not can(staff("traffic_handler"), "calendar.manage")


def test_anonymous_people_may_do_nothing(demo):
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), "workbench.use")
    with pytest.raises(NotAuthenticated):
        require(AnonymousUser(), "workbench.use")


def test_unknown_actions_are_refused(staff):
    assert not can(staff("chief"), "no.such.action")
    with pytest.raises(Forbidden):
        require(staff("chief"), "no.such.action")


def test_outside_the_department_an_object_is_not_found_rather_than_forbidden(staff):
    rule("test.view_department")(lambda user, obj: user.department_id == obj.pk)
    traffic = Department.objects.filter(code="traffic")
    assert get_for(staff("traffic_handler"), traffic, "test.view_department", code="traffic").code == "traffic"
    with pytest.raises(NotFound):
        get_for(staff("criminal_handler"), traffic, "test.view_department", code="traffic")


def test_a_rule_registered_twice_is_a_bug():
    rule("test.once")(lambda user, obj: True)
    with pytest.raises(ValueError):
        rule("test.once")(lambda user, obj: False)
