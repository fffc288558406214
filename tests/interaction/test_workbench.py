"""Workbench pages: queues (overdue first), routing, reply, manual masks, CSV import, word lists."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from zwgk.interaction import services
from zwgk.interaction.models import ManualMask, Message, WordList


def logged_in(people, username: str) -> Client:
    client = Client()
    client.force_login(people(username))
    return client


def test_routing_queue_lists_overdue_first(make, people):
    late = make(on="2026-01-05", title="早来的信")
    fresh = make(on="2026-11-20", title="新来的信")
    html = logged_in(people, "clerk").get("/workbench/messages/?q=routing").content.decode()
    assert html.index(late.number) < html.index(fresh.number)
    assert "已超期" in html


def test_department_queue_shows_only_its_messages(make, people):
    mine, other = make(title="我的信"), make(title="别人的信")
    mine = services.do_route(mine, actor=people("clerk"), department="traffic")
    other = services.do_route(other, actor=people("clerk"), department="public_order")
    html = logged_in(people, "traffic_handler").get("/workbench/messages/?q=mine").content.decode()
    assert mine.number in html and other.number not in html
    assert logged_in(people, "traffic_handler").get(f"/workbench/messages/{other.number}/").status_code == 404


def test_office_routes_and_department_answers_in_the_workbench(make, people):
    message = make(kind="complaint", body="派出所民警态度恶劣")
    clerk = logged_in(people, "clerk")
    page = clerk.get(f"/workbench/messages/{message.number}/").content.decode()
    assert "督察总队（建议）" in page
    clerk.post(f"/workbench/messages/{message.number}/", {"step": "triage", "kind": "complaint",
                                                          "complexity": "complex", "department": "inspection"})
    message.refresh_from_db()
    assert message.department.code == "inspection" and message.due_on == date(2026, 10, 27)
    handler = logged_in(people, "inspection_handler")
    response = handler.post(f"/workbench/messages/{message.number}/",
                            {"step": "reply", "content": "您好，已核查整改。"}, follow=True)
    assert "已提交部门负责人审批" in response.content.decode()
    message.refresh_from_db()
    assert message.status == Message.AWAITING_HEAD and message.reply == ""
    head = logged_in(people, "inspection_head")
    page = head.get(f"/workbench/messages/{message.number}/").content.decode()
    assert "您好，已核查整改。" in page and "审批同意并发出" in page
    head.post(f"/workbench/messages/{message.number}/", {"step": "head_approve", "opinion": "同意", "confirmed": "1"})
    message.refresh_from_db()
    assert message.status == Message.ANSWERED and message.reply == "您好，已核查整改。"
    assert message.head_approved_by.username == "inspection_head"
    assert message.replied_by.username == "inspection_handler"


def test_refused_actions_show_a_message_and_change_nothing(make, people):
    message = make()
    clerk = logged_in(people, "clerk")
    response = clerk.post(f"/workbench/messages/{message.number}/", {"step": "close"}, follow=True)
    assert "只有谩骂性言论可不予答复" in response.content.decode()
    message.refresh_from_db()
    assert message.status == Message.RECEIVED


def test_staff_see_original_and_masked_side_by_side_and_add_masks(make, people):
    message = make(body="我家门口有一棵老槐树，电话13995012345")
    clerk = logged_in(people, "clerk")
    html = clerk.get(f"/workbench/messages/{message.number}/").content.decode()
    assert "13995012345" in html and "139****2345" in html  # original for staff, masked beside it
    assert "老槐树" in html.split('data-masked="body">')[1].split("</div>")[0]
    clerk.post(f"/workbench/messages/{message.number}/", {"step": "add_mask", "fragment": "老槐树", "field": ""})
    assert ManualMask.objects.filter(message=message, fragment="老槐树").exists()
    html = clerk.get(f"/workbench/messages/{message.number}/").content.decode()
    masked_body = html.split('data-masked="body">')[1].split("</div>")[0]
    assert "老槐树" not in masked_body and "一棵***" in masked_body


def test_sender_history_by_phone(make, people):
    first = make(title="第一封信")
    second = make(title="第二封信")
    html = logged_in(people, "clerk").get(f"/workbench/messages/{second.number}/").content.decode()
    assert first.number in html


def test_csv_import_page(people):
    csv = ("平台,账号,留言编号,网民昵称,留言内容,留言时间\n微博,宁夏公安,x1,甲,护照怎么办理,2026-10-09 08:00\n")
    client = logged_in(people, "clerk")
    response = client.post("/workbench/messages/import/",
                           {"file": SimpleUploadedFile("a.csv", csv.encode("utf-8-sig"), "text/csv")})
    assert "新导入 1 条" in response.content.decode()
    assert Message.objects.get(external_id="x1").suggested_department.code == "exit_entry"
    assert logged_in(people, "traffic_handler").get("/workbench/messages/import/").status_code == 403


def test_word_lists_are_edited_in_the_workbench(people):
    client = logged_in(people, "clerk")
    client.post("/workbench/messages/word-lists/", {"kind": "abusive", "words": "坏蛋，笨蛋 混球"})
    assert WordList.objects.get(kind="abusive").word_list() == ["坏蛋", "混球", "笨蛋"]
    assert logged_in(people, "traffic_handler").get("/workbench/messages/word-lists/").status_code == 403


def test_office_registers_a_message_passed_on_from_the_leaders_board(people):
    client = logged_in(people, "clerk")
    response = client.post("/workbench/messages/register/", {
        "kind": "consultation", "title": "户籍迁移政策", "body": "父母投靠子女迁移户口的政策是什么？", "name": "蒋华",
        "phone": "13909512222", "received_on": "2026-09-30", "source": "人民网·地方领导留言板"})
    message = Message.objects.get(title="户籍迁移政策")
    assert response.status_code == 302 and message.passed_on and message.needs_collective_review
    assert message.received_on == date(2026, 9, 30) and message.due_on == date(2026, 10, 8)
    assert logged_in(people, "traffic_handler").get("/workbench/messages/register/").status_code == 403
