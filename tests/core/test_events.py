"""The event log is read-only once written (DESIGN.md principle 5)."""

import pytest

from zwgk.events.models import Event, ReadOnlyEventError
from zwgk.events.services import record
from zwgk.org.models import Department


@pytest.fixture
def event(staff):
    return record(Department.objects.get(code="office"), "renamed", actor=staff("sysadmin"), note="why")


def test_an_event_names_who_what_and_why(event):
    assert (event.actor_label, event.action, event.note) == ("杨磊", "renamed", "why")


def test_an_event_cannot_be_changed(event):
    event.note = "rewritten"
    with pytest.raises(ReadOnlyEventError):
        event.save()
    with pytest.raises(ReadOnlyEventError):
        Event.objects.filter(pk=event.pk).update(note="rewritten")


def test_an_event_cannot_be_deleted(event):
    with pytest.raises(ReadOnlyEventError):
        event.delete()
    with pytest.raises(ReadOnlyEventError):
        Event.objects.all().delete()


def test_an_event_without_staff_is_the_systems(demo):
    assert record(Department.objects.get(code="office"), "tick").actor_label == "系统"


def test_a_registered_case_type_refuses_an_unregistered_event_name(db):
    from django.db.models import TextChoices

    from zwgk.events.services import EVENT_NAMES, event_label, event_names

    @event_names(Department)
    class DepartmentEvent(TextChoices):
        RENAMED = "renamed", "更名"

    try:
        dept = Department.objects.create(code="events_test", name="测试部门")
        event = record(dept, "renamed", note="更名")
        assert event_label(event) == "更名"
        with pytest.raises(ValueError):
            record(dept, "rename")
    finally:
        EVENT_NAMES.pop(Department)
