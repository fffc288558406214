"""The shape of issue 8 for applications: one registry of actions on the transition table, event
names with Chinese labels, the policy profile kept on each case, locked rows."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, connections

from zwgk.applications import services
from zwgk.applications.models import Application, ApplicationEvent, Status
from zwgk.events.models import Event
from zwgk.events.services import event_label

D = date(2026, 9, 28)


def test_the_tables_states_are_the_models_statuses():
    assert services.TABLE.states() == set(Status.values)


def test_every_action_row_is_registered_with_its_guard():
    assert services.ACTIONS.missing() == []
    assert set(services.GUARDS) == set(services.TABLE.rows)


def test_every_action_row_is_reachable_from_a_status():
    reachable = {action for state in Status.values for action in services.TABLE.allowed(state)}
    assert reachable == set(services.TABLE.rows)


def test_sign_off_may_only_end_in_the_states_of_its_row():
    assert services.TABLE.target("sign_off", Status.IN_SIGNOFF, to=Status.SIGNED_OFF) == Status.SIGNED_OFF
    with pytest.raises(ValueError):
        services.TABLE.target("sign_off", Status.IN_SIGNOFF, to=Status.ANSWERED)


@pytest.mark.django_db
def test_the_timeline_reads_chinese_labels_and_the_api_keeps_codes(register, act, api_as):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    labels = [event_label(e) for e in Event.objects.for_object(a)]
    assert labels == ["提交", "转办"]
    body = api_as("clerk").get(f"/applications/{a.number}").json()
    assert [e["action"] for e in body["events"]] == ["submit", "transfer"]
    assert set(Event.objects.filter(content_type__model="application").values_list("action", flat=True)) <= set(
        ApplicationEvent.values
    )


@pytest.mark.django_db
def test_an_unregistered_event_name_is_refused(register):
    from zwgk.events.services import record

    with pytest.raises(ValueError):
        record(register(D), "teleport")


@pytest.mark.django_db
def test_a_case_keeps_the_policy_profile_it_was_counted_under(register, act, settings):
    from zwgk.workdays.models import PolicyProfile

    seed = PolicyProfile.objects.get(pk="seed-2018")
    PolicyProfile.objects.create(code="strict", name="更严的时限", limits={**seed.limits, "third_party_reply": 5,
                                                                          "application_reply": 10},
                                 message_reply=seed.message_reply, new_media_reply=seed.new_media_reply)
    old = register(D)
    assert old.policy_profile == "seed-2018" and old.due_on == date(2026, 10, 23)
    settings.ZWGK_POLICY_PROFILE = "strict"
    new = register(D)
    assert new.policy_profile == "strict" and new.due_on == date(2026, 10, 16)
    old = act(old, "consult_third_party", "clerk", on=D, party="甲公司")
    assert old.consultations.get().due_on == date(2026, 10, 23)  # 15 working days of its own profile


@pytest.mark.django_db(transaction=True)
def test_two_clerks_pressing_the_same_button_give_one_change_and_one_refusal(reference_data, register, staff):
    """Issue 8: the guard reads the state under SELECT … FOR UPDATE (PostgreSQL; SQLite locks the
    whole database and cannot show two transactions at once)."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from zwgk.core.errors import Conflict
    from zwgk.core.transitions import TransitionRefused

    application = register(D)
    clerks = [staff("clerk"), staff("clerk")]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def press(clerk) -> None:
        try:
            stale = Application.objects.get(pk=application.pk)  # both read "received" before either acts
            barrier.wait()
            services.ACTIONS.perform(stale, "request_supplement", actor=clerk,
                                     body={"on": "2026-09-29", "items": ["请说明年份"]})
            results.append("done")
        except (TransitionRefused, Conflict) as exc:
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(clerk,)) for clerk in clerks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(map(type, results), key=str) == sorted([str, TransitionRefused], key=str)
    refusal = next(r for r in results if r != "done")
    assert "待补正" in refusal.message
    application.refresh_from_db()
    assert application.status == Status.AWAITING_SUPPLEMENT
    assert Event.objects.for_object(application).filter(action="request_supplement").count() == 1
    assert application.letters.filter(template_id="supplement").count() == 1


@pytest.mark.django_db
def test_the_citizens_timeline_shows_the_chinese_labels(demo):
    from django.test import Client

    from tests.applications.conftest import person
    from zwgk.applications.services import do_submit

    application, code = do_submit(person())
    page = Client().post("/apply/status/", {"number": application.number, "query_code": code}).content.decode()
    assert "提交（申请人）" in page and "submit（" not in page


@pytest.mark.django_db
def test_one_open_consultation_per_application_is_a_database_constraint(register, act, staff):
    from django.db import IntegrityError, transaction

    from zwgk.applications.models import ThirdPartyConsultation

    a = act(register(D), "consult_third_party", "clerk", on=D, party="甲公司")
    with pytest.raises(IntegrityError), transaction.atomic():
        ThirdPartyConsultation.objects.create(application=a, party="乙公司", started_on=D, by=staff("clerk"))


@pytest.mark.django_db
def test_one_approval_per_stage_and_round_is_a_database_constraint(signed_off, staff):
    from django.db import IntegrityError, transaction

    from zwgk.applications.models import SignOff

    a = signed_off()
    with pytest.raises(IntegrityError), transaction.atomic():
        SignOff.objects.create(application=a, round=a.signoff_round, stage="leader", decision="approve", on=D,
                               by=staff("leader"))
