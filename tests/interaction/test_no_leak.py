"""Art. 32: nothing unmasked ever reaches a public page, feed or API response.

Messages full of identity numbers, phone numbers, names, addresses and e-mail addresses are
answered (with replies that repeat them) and every public surface is read back.
"""

from __future__ import annotations

import json
from datetime import date

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zwgk.interaction import services
from zwgk.privacy.ids import resident_id_check_char

SURFACES_API = ["/api/v1/messages/public"]
SURFACES_HTML = ["/interaction/mailbox/", "/interaction/mailbox/public/", "/interaction/mailbox/public/feed.atom"]


def answer(people, message, reply: str) -> None:
    message = services.do_route(message, actor=people("clerk"), department="public_order")
    message = services.do_reply(message, actor=people("public_order_handler"), content=reply)


def public_texts(numbers: list[str]) -> str:
    """Everything a citizen other than the sender can read about the messages."""
    client = Client()
    parts = []
    for path in SURFACES_API + [f"/api/v1/messages/public/{n}" for n in numbers]:
        response = client.get(path)
        assert response.status_code == 200, path
        parts.append(json.dumps(response.json(), ensure_ascii=False))
    for path in SURFACES_HTML + [f"/interaction/mailbox/public/{n}/" for n in numbers]:
        response = client.get(path)
        assert response.status_code == 200, path
        parts.append(response.content.decode())
    return "\n".join(parts)


PRIVATE = {
    "name": "欧阳明辉",
    "other_name": "张建国",
    "id": "640104198807150023",
    "mobile": "13709518888",
    "landline": "0951-5012345",
    "email": "ouyang.minghui@example.org",
    "address": "银川市兴庆区解放西街88号3单元501室",
}


def test_a_message_full_of_private_data_is_masked_everywhere(make, people):
    body = (f"我叫{PRIVATE['name']}，身份证号{PRIVATE['id']}，手机{PRIVATE['mobile']}，座机{PRIVATE['landline']}，"
            f"邮箱{PRIVATE['email']}，住在{PRIVATE['address']}。邻居{PRIVATE['other_name']}每晚噪音扰民。")
    message = make(title=f"{PRIVATE['name']}反映噪音扰民（电话{PRIVATE['mobile']}）", body=body,
                   name=PRIVATE["name"], phone=PRIVATE["mobile"], id_number=PRIVATE["id"], email=PRIVATE["email"])
    answer(people, message, f"{PRIVATE['name']}您好！您反映的{PRIVATE['address']}噪音问题，"
                            f"已联系{PRIVATE['other_name']}整改。如有问题请拨打{PRIVATE['landline']}。")
    text = public_texts([message.number])
    assert message.number in text
    for kind, value in PRIVATE.items():
        assert value not in text, kind
    assert "解放西街88号" not in text


def test_manual_masks_reach_every_surface(make, people):
    message = make(body="我家在光明小区老槐树旁边，门口有个红色信箱。")
    answer(people, message, "您好，已处理。")
    services.do_add_mask(message, actor=people("clerk"), fragment="老槐树旁边")
    text = public_texts([message.number])
    assert "老槐树旁边" not in text and message.number in text


def test_messages_not_for_display_reach_no_public_surface(make, people):
    hidden = make(title="不公开的信", body="请勿公开我的信息", public=False)
    answer(people, hidden, "您好，已处理。")
    open_one = make(title="尚未答复的信")
    text = public_texts([])
    assert "不公开的信" not in text and "尚未答复的信" not in text
    assert Client().get(f"/interaction/mailbox/public/{hidden.number}/").status_code == 404
    assert Client().get(f"/api/v1/messages/public/{open_one.number}").status_code == 404


REGIONS = ["640104", "640105", "640202", "110101", "310104", "440305"]


@st.composite
def resident_ids(draw) -> str:
    region = draw(st.sampled_from(REGIONS))
    born = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2008, 12, 31)))
    seq = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + resident_id_check_char(first17)


names = st.builds(lambda s, g: s + g, st.sampled_from(["王", "李", "张", "刘", "陈", "欧阳", "马", "杨"]),
                  st.text(alphabet="建国明辉秀英志强丽娟海燕振华桂兰", min_size=1, max_size=2))
emails = st.builds(lambda u, n: f"{u}{n}@example.org", st.sampled_from(["zhang", "li.ming", "wang_f"]),
                   st.integers(0, 9999))
mobiles = st.builds(lambda p, n: f"1{p}{n:09d}", st.sampled_from("3456789"), st.integers(0, 999_999_999))
templates = st.sampled_from([
    "我的身份证号是{id}，联系电话{phone}，请尽快回复。",
    "身份证{id}办理居住证一直没有结果，电话：{phone}",
    "联系人手机{phone}（身份证号码{id}）",
    "{phone}是我的电话，{id}是我的身份证号",
])


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(resident_id=resident_ids(), phone=mobiles, template=templates, name=names, email=emails)
def test_generated_private_data_never_leaks(make, people, resident_id, phone, template, name, email):
    body = template.format(id=resident_id, phone=phone) + f"我是{name}，邮箱{email}。"
    message = make(title=f"来电{phone}", body=body, phone=phone, name=name, email=email)
    answer(people, message, f"{name}您好！已按您提供的电话{phone}联系您，身份证{resident_id}的业务已办结。")
    client = Client()
    for path in (f"/api/v1/messages/public/{message.number}", f"/interaction/mailbox/public/{message.number}/",
                 "/interaction/mailbox/public/feed.atom"):
        content = client.get(path).content.decode()
        for value in (resident_id, phone, name, email):
            assert value not in content, (path, value, body)


def _staff_client(people, username: str) -> Client:
    client = Client()
    client.force_login(people(username))
    return client


def test_sender_history_shows_only_messages_the_viewer_may_open(make, people, token_client):
    """Issue 9: a handler sees the sender's other messages only where it may open them itself; a
    complaint about the police routed to the inspection corps stays with the inspection corps."""
    phone = "13709518888"
    complaint = make(kind="complaint", title="派出所民警态度恶劣", body="派出所民警推诿刁难。", phone=phone)
    assert complaint.suggested_department.code == "inspection"
    complaint = services.do_route(complaint, actor=people("clerk"), department="inspection")
    question = make(title="驾驶证换证咨询", body="驾驶证到期怎么换？", phone=phone)
    question = services.do_route(question, actor=people("clerk"), department="traffic")
    unrouted = make(title="尚未分办的信", phone=phone)

    matrix = {  # viewer, message opened: the other numbers it may see in the history
        ("traffic_handler", question): [],
        ("traffic_head", question): [],
        ("inspection_handler", complaint): [],
        ("clerk", question): [complaint.number, unrouted.number],
        ("inspector", question): [complaint.number, unrouted.number],
    }
    for (username, opened), expected in matrix.items():
        html = _staff_client(people, username).get(f"/workbench/messages/{opened.number}/").content.decode()
        history = html.split("来信人其他信息")[1].split("办理记录")[0]
        api = token_client(username).get(f"/messages/{opened.number}").json()["sender_history"]
        assert sorted(h["number"] for h in api) == sorted(expected), username
        for other in (complaint, question, unrouted):
            if other != opened:
                assert (other.number in history) == (other.number in expected), (username, other.number)
        if opened != complaint and complaint.number not in expected:
            assert "派出所民警态度恶劣" not in html, username
