"""Art. 22: the personnel office publishes on the portal's 政务诚信 channel only records whose
source may be published by law (the source rules are data), masked; and withdraws them."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from zwgk.assessment import integrity
from zwgk.assessment.models import DishonestyRecord, DishonestySourceRule
from zwgk.core.errors import Forbidden, InvalidInput
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event

pytestmark = pytest.mark.django_db

ID_NUMBER = "640104199001011234"


def _penalty(staff, **overrides):
    data = {"officer": "traffic_handler", "source": "administrative_penalty", "decided_on": date(2026, 3, 9),
            "authority": "银川市市场监督管理局", "document_number": "银市监罚〔2026〕7号",
            "summary": f"民警{staff('traffic_handler').display_name}（身份证号{ID_NUMBER}，电话13912345678）"
                       "违规经营被处罚款。", "publishable": True}
    data.update(overrides)
    return integrity.do_record_dishonesty(actor=staff("personnel_handler"), **data)


def _publish(staff, entry, username="personnel_handler"):
    return integrity.ACTIONS.perform(entry, "publish", actor=staff(username), body={"on": "2026-03-20"})


def test_a_disciplinary_sanction_cannot_be_marked_publishable(staff):
    with pytest.raises(InvalidInput) as bad:
        _penalty(staff, source="disciplinary_sanction")
    assert "publishable" in bad.value.fields and not DishonestyRecord.objects.exists()


def test_the_source_rule_decides_what_may_be_published(staff):
    entry = _penalty(staff)
    DishonestySourceRule.objects.filter(source="administrative_penalty").update(may_publish=False)
    with pytest.raises(InvalidInput):
        _publish(staff, entry)
    assert DishonestyRecord.objects.get().publication == DishonestyRecord.UNPUBLISHED


def test_only_the_personnel_office_publishes(staff):
    entry = _penalty(staff)
    with pytest.raises(Forbidden):
        _publish(staff, entry, "inspector")


def test_the_portal_shows_a_published_record_masked_never_the_id_number(staff):
    entry = _penalty(staff)
    name = staff("traffic_handler").display_name
    assert "银市监罚" not in Client().get("/integrity/records/").content.decode()
    _publish(staff, entry)
    page = Client().get("/integrity/records/").content.decode()
    assert "银市监罚〔2026〕7号" in page and "2026-03-20" in page
    assert ID_NUMBER not in page and "13912345678" not in page
    assert name not in page and name[0] + "某" in page
    assert Event.objects.filter(action="publish").count() == 1


def test_a_withdrawn_record_leaves_the_portal_and_cannot_be_withdrawn_twice(staff):
    entry = _publish(staff, _penalty(staff))
    integrity.ACTIONS.perform(entry, "withdraw", actor=staff("personnel_handler"), body={"reason": "判决被撤销"})
    assert "银市监罚" not in Client().get("/integrity/records/").content.decode()
    with pytest.raises(TransitionRefused):
        integrity.ACTIONS.perform(entry, "withdraw", actor=staff("personnel_handler"), body={"reason": "再撤"})
    assert DishonestyRecord.objects.get().publication == DishonestyRecord.WITHDRAWN


def test_the_workbench_buttons_publish_and_withdraw(staff):
    entry = _penalty(staff)
    client = Client()
    client.force_login(staff("personnel_handler"))
    client.post(f"/workbench/assessment/integrity/records/{entry.pk}/publish/", {"on": "2026-03-20"})
    assert DishonestyRecord.objects.get().publication == DishonestyRecord.PUBLISHED
    client.post(f"/workbench/assessment/integrity/records/{entry.pk}/withdraw/", {"reason": "已撤销"})
    assert DishonestyRecord.objects.get().publication == DishonestyRecord.WITHDRAWN


def test_the_integrity_channel_links_the_public_records(demo):
    assert "/integrity/records/" in Client().get("/channel/integrity/").content.decode()
