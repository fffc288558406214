"""The satisfaction indicator (Art. 42): per department, the share of 满意 and 基本满意 among the
rated answers of the period, with the cases behind it; each 不满意 takes the weight kept as data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.interaction.conftest import make, people  # noqa: F401  (fixtures)
from zwgk.assessment import selectors
from zwgk.assessment.models import IndicatorWeight
from zwgk.interaction import services
from zwgk.interaction.models import Message

pytestmark = pytest.mark.django_db
END = date(2026, 12, 31)


@pytest.fixture
def rated(make, people):  # noqa: F811
    """Three answers of the public order corps, rated 满意, 基本满意 and 不满意."""

    def answer(satisfaction: str) -> Message:
        message = services.do_route(make(on="2026-09-30"), actor=people("clerk"), department="public_order")
        services.ACTIONS.perform(message, "reply", actor=people("public_order_handler"), body={"content": "已答复。"})
        services.do_rate(Message.objects.get(pk=message.pk), satisfaction=satisfaction, comment="")
        return message

    return [answer(s) for s in ("satisfied", "basically_satisfied", "dissatisfied")]


def test_the_share_counts_satisfied_and_basically_satisfied(rated):
    result = selectors.assess(2026, today=END)
    assert result.count("messages_satisfaction", "public_order") == 3
    assert result.value("messages_satisfaction", "public_order") == round(2 / 3, 4)
    assert result.value("messages_satisfaction", "traffic") is None  # no rated answers
    notes = sorted(ref.note for ref in result.cases["messages_satisfaction"]["public_order"])
    assert notes == ["不满意", "基本满意", "满意"]


def test_each_dissatisfied_rating_takes_the_weight_kept_as_data(rated):
    IndicatorWeight.objects.update(points=0)
    assert IndicatorWeight.objects.filter(indicator="messages_satisfaction").update(points=Decimal("4")) == 1
    result = selectors.assess(2026, today=END)
    assert result.score("public_order") == Decimal(96)


def test_the_api_gives_the_share_and_opens_its_cases(rated, api_as):
    chief = api_as("chief")
    body = chief.get("/assessment/2026").json()
    department = next(d for d in body["departments"] if d["department"] == "public_order")
    indicator = department["indicators"]["messages_satisfaction"]
    assert indicator["value"] == round(2 / 3, 4)
    cases = chief.get(indicator["cases"].removeprefix("/api/v1")).json()
    assert {c["reference"] for c in cases["results"]} == {m.number for m in rated}
