"""Helpers for application tests: a valid applicant, registration on a given day, actions by name."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.privacy.ids import credit_code_check_char, resident_id_check_char

RESIDENT_ID = "64010419850312123" + resident_id_check_char("64010419850312123")
OTHER_ID = "11010519491231002" + resident_id_check_char("11010519491231002")
CREDIT_CODE = "91640100MA76ABCD1" + credit_code_check_char("91640100MA76ABCD1")


def person(**overrides) -> dict:
    data = {
        "applicant_type": "natural_person", "name": "张明", "id_type": "resident_id", "id_number": RESIDENT_ID,
        "phone": "13909510001", "email": "zhangming@example.cn", "description": "2025年全区道路交通事故统计年报",
        "delivery": "email",
    }
    data.update(overrides)
    return data


@pytest.fixture
def register(staff):
    """Register an application received on ``received_on`` (by the clerk, channel mail)."""
    from zwgk.applications import services

    def do(received_on: date, **overrides):
        application, _code = services.do_submit(
            {**person(**overrides), "channel": "mail", "received_on": received_on}, actor=staff("clerk")
        )
        return application

    return do


@pytest.fixture
def act(staff):
    """Perform ``action`` as ``username`` with ``body``; returns the fresh application."""
    from zwgk.applications import services
    from zwgk.applications.models import Application

    def do(application, action: str, username: str, **body):
        services.ACTIONS.perform(Application.objects.get(pk=application.pk), action, actor=staff(username), body=body)
        return Application.objects.get(pk=application.pk)

    return do


@pytest.fixture
def signed_off(register, act):
    """An application transferred to traffic, drafted ``disclosed`` and approved through the chain."""

    def do(received_on: date = date(2026, 9, 28), reviews: list[str] | None = None):
        a = register(received_on)
        a = act(a, "transfer", "clerk", on=received_on, lead="traffic")
        a = act(a, "draft_reply", "traffic_handler", on=received_on, outcome="disclosed", content="附统计表。",
                reviews=reviews or [])
        chain = ["traffic_head", *(["secrecy"] if "secrecy" in (reviews or []) else []),
                 *(["legal_handler"] if "legal" in (reviews or []) else []), "clerk", "leader"]
        for username in chain:
            a = act(a, "sign_off", username, on=received_on, decision="approve")
        return a

    return do
