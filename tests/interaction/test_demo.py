"""The demo messages load once, cover every state, and every page about them renders."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client

from zwgk.interaction import demo as interaction_demo
from zwgk.interaction.models import Message, MessageStatus


def test_demo_covers_every_state_and_loads_once(demo):
    assert Message.objects.count() == len(interaction_demo.MAILBOX) + len(interaction_demo.NEW_MEDIA)
    assert set(Message.objects.values_list("status", flat=True)) == set(MessageStatus.values)
    assert all(m.received_on.year == 2026 for m in Message.objects.all())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Message.objects.count() == len(interaction_demo.MAILBOX) + len(interaction_demo.NEW_MEDIA)


def test_every_demo_message_renders_for_the_office(demo, staff):
    client = Client()
    client.force_login(staff("clerk"))
    for key in ("routing", "emergency", "open", "done"):
        assert client.get("/workbench/messages/", {"q": key}).status_code == 200
    for number in Message.objects.values_list("number", flat=True):
        assert client.get(f"/workbench/messages/{number}/").status_code == 200, number


def test_demo_public_pages_show_no_sender_data(demo):
    client = Client()
    pages = [client.get("/interaction/mailbox/public/").content.decode(),
             client.get("/interaction/mailbox/public/feed.atom").content.decode()]
    shown = list(Message.objects.filter(status=Message.ANSWERED, public_allowed=True, abusive=False))
    assert shown
    for m in shown:
        pages.append(client.get(f"/interaction/mailbox/public/{m.number}/").content.decode())
    text = "\n".join(pages)
    for m in Message.objects.all():
        assert m.phone not in text or not m.phone
        assert not m.id_number or m.id_number not in text
        assert not m.name or len(m.name) < 2 or m.name not in text, m.name
