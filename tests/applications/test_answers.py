"""Issue 9: the reply issues exactly what the chain signed off (Art. 20); each outcome carries what
its letter needs (Art. 16); the letter names the remedy (Art. 21); a third party's refusal or
silence may be overridden in the public interest, with its own letter (Art. 18)."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.applications import services
from zwgk.applications.models import Application
from zwgk.core.errors import Conflict, Forbidden, InvalidInput

pytestmark = pytest.mark.django_db
D = date(2026, 9, 28)


def test_each_sign_off_records_the_fingerprint_of_what_it_approved(signed_off):
    a = signed_off()
    prints = set(a.signoffs.values_list("fingerprint", flat=True))
    assert prints == {services.fingerprint(services.draft_answer(a))} and len(next(iter(prints))) == 64


@pytest.mark.parametrize(("field", "value"), [("content", "另行提供的内容。"), ("outcome", "not_held"),
                                              ("reason", "state_secret")])
def test_reply_with_other_text_than_the_signed_off_is_refused(signed_off, act, field, value):
    a = signed_off()
    with pytest.raises(InvalidInput) as caught:
        act(a, "reply", "traffic_handler", on=D, **{field: value})
    assert field in caught.value.fields
    assert Application.objects.get(pk=a.pk).status == "signed_off"
    assert not a.letters.filter(public=True).exclude(template_id="receipt").exists()


def test_reply_issues_the_signed_off_text(signed_off, act):
    a = act(signed_off(), "reply", "traffic_handler", on=D, content="附统计表。")
    letter = a.letters.get(template_id="reply_1")
    assert "附统计表。" in letter.body and a.reply_content == "附统计表。"


def test_a_changed_draft_goes_back_through_the_whole_chain(signed_off, act):
    from zwgk.applications.models import SignOff
    from zwgk.core.transitions import TransitionRefused

    a = signed_off()
    with pytest.raises(TransitionRefused):  # signed off: a change needs a new draft and chain
        act(a, "draft_reply", "traffic_handler", on=D, outcome="disclosed", content="新内容")
    # a draft changed behind the chain's back no longer matches what it approved
    Application.objects.filter(pk=a.pk).update(draft_content="未经审签的内容")
    with pytest.raises(Conflict):
        act(a, "reply", "traffic_handler", on=D)
    assert SignOff.objects.filter(application=a).count() == 3


@pytest.mark.parametrize("outcome", ["partly_disclosed", "not_disclosed"])
def test_partly_or_not_disclosed_need_a_reason_and_content(register, act, outcome):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    with pytest.raises(InvalidInput) as caught:
        act(a, "draft_reply", "traffic_handler", on=D, outcome=outcome)
    assert {"reason", "content"} <= set(caught.value.fields)


def test_the_letter_cites_the_article_the_reason_rests_on(register, act):
    a = act(register(D), "reply", "clerk", on=D, outcome="not_disclosed", reason="state_secret",
            content="该信息已依法确定为国家秘密。")
    letter = a.letters.exclude(template_id="receipt").get()
    assert "《中华人民共和国政府信息公开条例》第十四条" in letter.legal_basis
    assert "第十六条第（三）项" in letter.legal_basis


def test_a_drafted_legal_basis_overrides_the_table(register, act):
    a = act(register(D), "reply", "clerk", on=D, outcome="not_disclosed", reason="law_forbids",
            content="依法不予公开。", legal_basis="《中华人民共和国保守国家秘密法》第二十八条")
    assert a.letters.exclude(template_id="receipt").get().legal_basis == "《中华人民共和国保守国家秘密法》第二十八条"


def test_not_ours_needs_the_other_body_and_the_letter_prints_it(register, act):
    with pytest.raises(InvalidInput) as caught:
        act(register(D), "reply", "clerk", on=D, outcome="not_ours")
    assert "other_body" in caught.value.fields
    a = act(register(D), "reply", "clerk", on=D, outcome="not_ours",
            other_body={"name": "银川市公安局", "contact": "0951-1234567"})
    body = a.letters.exclude(template_id="receipt").get().body
    assert "银川市公安局" in body and "0951-1234567" in body


def test_adverse_letters_name_the_reconsideration_body_and_the_court(register, act, settings):
    settings.ZWGK_REMEDY = {"court": "银川市兴庆区人民法院"}
    a = act(register(D), "reply", "clerk", on=D, outcome="not_held")
    remedy = a.letters.exclude(template_id="receipt").get().remedy
    assert "60日内向宁夏回族自治区人民政府申请行政复议" in remedy
    assert "6个月内向银川市兴庆区人民法院提起行政诉讼" in remedy


def test_each_reviewer_sees_the_letter_as_it_will_be_sent(register, act, client, staff):
    a = act(register(D), "transfer", "clerk", on=D, lead="traffic")
    a = act(a, "draft_reply", "traffic_handler", on=D, outcome="not_disclosed", reason="state_secret",
            content="该信息已依法确定为国家秘密。")
    client.force_login(staff("traffic_head"))
    page = client.get(f"/workbench/applications/{a.number}/").content.decode()
    assert "不予公开" in page and "属于国家秘密" in page and "第十四条" in page and "国家秘密。" in page
    pdf = client.get(f"/workbench/applications/{a.number}/preview.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def _refused_by_third_party(register, act):
    a = act(register(D), "consult_third_party", "clerk", on=D, party="甲公司", contact="0951-5550303")
    return act(a, "third_party_replied", "clerk", on=date(2026, 10, 12), consent=False, opinion="不同意")


def test_the_office_may_disclose_in_the_public_interest_with_a_letter_to_the_third_party(register, act):
    a = _refused_by_third_party(register, act)
    a = act(a, "decide_public_interest", "clerk", on=date(2026, 10, 13), reason="涉及公众安全，不公开将造成重大影响。")
    consultation = a.consultations.get()
    assert consultation.public_interest_on == date(2026, 10, 13)
    letter = a.letters.get(template_id="public_interest")
    assert not letter.public and letter.body.startswith("甲公司") and "公共利益" in letter.body
    with pytest.raises(Conflict):
        act(a, "decide_public_interest", "clerk", on=date(2026, 10, 14), reason="再次")


def test_public_interest_needs_a_refusal_or_silence(register, act):
    a = act(register(D), "consult_third_party", "clerk", on=D, party="甲公司")
    a = act(a, "third_party_replied", "clerk", on=date(2026, 10, 12), consent=True)
    with pytest.raises(Conflict):
        act(a, "decide_public_interest", "clerk", on=date(2026, 10, 13), reason="理由")


def test_only_the_office_decides_in_the_public_interest(register, act):
    a = act(_refused_by_third_party(register, act), "transfer", "clerk", on=date(2026, 10, 12), lead="traffic")
    with pytest.raises(Forbidden):
        act(a, "decide_public_interest", "traffic_handler", on=date(2026, 10, 13), reason="理由")


def test_an_expired_consultation_is_a_visible_state(register, act, api_as):
    a = act(register(D), "consult_third_party", "clerk", on=D, party="甲公司")
    consultation = a.consultations.get()
    assert consultation.state(date(2026, 10, 23)) == "open"
    assert consultation.state(date(2026, 12, 1)) == "expired"
    body = api_as("clerk").get(f"/applications/{a.number}").json()
    assert body["consultations"][0]["state"] == consultation.state()
    a = act(a, "decide_public_interest", "clerk", on=date(2026, 10, 26), reason="涉及公众安全。")
    consultation.refresh_from_db()
    assert consultation.ended_by_expiry and consultation.state() == "expired"
    assert not a.paused
