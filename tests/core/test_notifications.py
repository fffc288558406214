"""Citizens are told by SMS and e-mail at receipt, supplement, extension, pause and reply; SMS goes
through the office's gateway (a local fake here) or the file outbox of the embedded default."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail

from tests.applications.conftest import person
from tests.settings import TEST_REDIS_URL
from zwgk.core.sms import mobile_number
from zwgk.events.models import Notification, NotificationText

pytestmark = pytest.mark.django_db


class FakeGateway:
    """A local SMS gateway: records each POST, answers ``status``."""

    def __init__(self, status: int = 200) -> None:
        self.received: list[dict] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                gateway.received.append({"auth": self.headers["Authorization"], **json.loads(body)})
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms/send"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    fake = FakeGateway()
    settings.ZWGK_SMS_BACKEND = "zwgk.core.sms.HttpGatewayBackend"
    settings.ZWGK_SMS_GATEWAY_URL = fake.url
    settings.ZWGK_SMS_GATEWAY_TOKEN = "gateway-token"
    yield fake
    fake.close()


def _apply(api, django_capture_on_commit_callbacks, **overrides) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/applications", person(delivery="online", **overrides))
    assert response.status_code == 201, response.content
    return response.json()


def test_the_gateway_receives_the_receipt_text_of_a_new_application(api, gateway, django_capture_on_commit_callbacks):
    receipt = _apply(api, django_capture_on_commit_callbacks, email="")
    (sms,) = gateway.received
    assert sms["mobile"] == "13909510001" and sms["auth"] == "Bearer gateway-token"
    assert receipt["number"] in sms["text"] and "已收到" in sms["text"] and "答复期限" in sms["text"]
    assert receipt["query_code"] not in sms["text"]
    assert Notification.objects.get().status == Notification.SENT


def test_the_embedded_default_writes_the_sms_to_the_outbox(api, settings, tmp_path,
                                                           django_capture_on_commit_callbacks):
    settings.ZWGK_SMS_DIR = str(tmp_path)
    receipt = _apply(api, django_capture_on_commit_callbacks)
    line = json.loads((tmp_path / "outbox.jsonl").read_text(encoding="utf-8"))
    assert line["mobile"] == "13909510001" and receipt["number"] in line["text"]
    assert [m.subject for m in mail.outbox] == [f"政府信息公开申请{receipt['number']}已收到"]


def test_a_landline_gets_no_sms_but_the_e_mail(api, gateway, django_capture_on_commit_callbacks):
    _apply(api, django_capture_on_commit_callbacks, phone="0951-6136088")
    assert gateway.received == [] and len(mail.outbox) == 1


def test_a_failing_gateway_is_recorded_and_the_application_is_kept(api, settings,
                                                                    django_capture_on_commit_callbacks):
    fake = FakeGateway(status=500)
    settings.ZWGK_SMS_BACKEND = "zwgk.core.sms.HttpGatewayBackend"
    settings.ZWGK_SMS_GATEWAY_URL = fake.url
    try:
        receipt = _apply(api, django_capture_on_commit_callbacks, email="")
    finally:
        fake.close()
    failed = Notification.objects.get()
    assert failed.status == Notification.FAILED and "500" in failed.error
    assert api.get(f"/applications/{receipt['number']}", {"query_code": receipt["query_code"]}).status_code == 200


def test_the_texts_are_data(api, gateway, django_capture_on_commit_callbacks):
    NotificationText.objects.filter(pk="application_received").update(sms="申请{number}已收到，请留意答复。")
    receipt = _apply(api, django_capture_on_commit_callbacks, email="")
    assert gateway.received[0]["text"] == f"申请{receipt['number']}已收到，请留意答复。"


@pytest.mark.parametrize(("phone", "mobile"), [("13909510001", "13909510001"), ("+86 139-0951-0001", "13909510001"),
                                               ("0951-6136088", None), ("1390951000", None)])
def test_only_mainland_mobile_numbers_get_sms(phone, mobile):
    assert mobile_number(phone) == mobile


@pytest.fixture
def redis_queue(settings, monkeypatch):
    """Celery mode against the real Redis (its test database); runs scheduled with apply_async are recorded."""
    from django.core.cache import cache
    from django_redis import get_redis_connection

    from zwgk.events import notify, tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache",
                                   "LOCATION": TEST_REDIS_URL}}
    get_redis_connection().delete(notify.QUEUE)
    cache.clear()
    scheduled: list[dict] = []
    monkeypatch.setattr(tasks.notify_citizen, "apply_async", lambda **kw: scheduled.append(kw))
    monkeypatch.setattr("zwgk.workbench.tasks.alert_staff.apply_async", lambda **kw: None)
    return scheduled


@pytest.mark.redis
def test_receipts_of_a_burst_are_sent_by_one_run_from_the_queue(api, gateway, redis_queue,
                                                                 django_capture_on_commit_callbacks):
    from zwgk.events.tasks import notify_citizen

    receipts = [_apply(api, django_capture_on_commit_callbacks, email="") for _ in range(3)]
    assert gateway.received == [] and len(redis_queue) == 1  # stored and acknowledged; the texts follow
    assert notify_citizen() == 3
    texts = [sms["text"] for sms in gateway.received]
    assert len(texts) == 3 and all(any(r["number"] in text for text in texts) for r in receipts)


@pytest.mark.redis
def test_a_receipt_that_fails_is_tried_again_five_times_then_given_up(api, gateway, redis_queue, monkeypatch,
                                                                       django_capture_on_commit_callbacks):
    from django_redis import get_redis_connection

    from zwgk.core.background import MAX_RETRIES, RETRY_DELAY_SECONDS
    from zwgk.events import notify
    from zwgk.events.tasks import notify_citizen

    _apply(api, django_capture_on_commit_callbacks, email="")
    monkeypatch.setattr(notify, "notify", lambda event_id, recorded: 1 / 0)
    for _ in range(MAX_RETRIES + 1):
        notify_citizen()
    assert redis_queue[-1] == {"countdown": RETRY_DELAY_SECONDS}
    assert len(redis_queue) == 1 + MAX_RETRIES and get_redis_connection().scard(notify.QUEUE) == 0


@pytest.mark.redis
def test_a_receipt_lost_with_the_queue_is_sent_half_an_hour_later(api, gateway, redis_queue, monkeypatch,
                                                                  django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone
    from django_redis import get_redis_connection

    from zwgk.events import notify
    from zwgk.events.tasks import notify_missed

    receipt = _apply(api, django_capture_on_commit_callbacks, email="")
    get_redis_connection().delete(notify.QUEUE)  # what a restart of Redis does to the queue
    assert notify_missed() == 0 and gateway.received == []  # the queue may still be at work
    later = timezone.now() + notify.MISSED_AFTER + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert notify_missed() == 1
    assert [receipt["number"] in sms["text"] for sms in gateway.received] == [True]
    assert notify_missed() == 0 and len(gateway.received) == 1


def test_an_event_handled_twice_tells_the_citizen_once(api, gateway, django_capture_on_commit_callbacks):
    """A second delivery of the task, or the sweep after the queue: the recorded channels are skipped."""
    from zwgk.events.models import Event
    from zwgk.events.notify import notify_each

    _apply(api, django_capture_on_commit_callbacks)
    event = Event.objects.get(action="submit")
    assert sorted(Notification.objects.filter(event=event).values_list("channel", flat=True)) == ["email", "sms"]
    assert notify_each([event.pk]) == (0, [])
    assert len(gateway.received) == 1 and len(mail.outbox) == 1


def test_the_e_mail_names_the_portal_once(api, settings, tmp_path, django_capture_on_commit_callbacks):
    from zwgk.core.models import current_site

    settings.ZWGK_SMS_DIR = str(tmp_path)
    _apply(api, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert f"在{current_site().name}查询" in message.body and "门户网站门户网站" not in message.body
