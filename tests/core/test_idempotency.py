"""``Idempotency-Key``: the same key and body within 24 h returns the first result (API.md)."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from zwgk.core.models import IdempotencyRecord
from zwgk.org.models import ApiToken

LOGIN = {"username": "clerk", "password": "zwgk-demo-2026"}


def test_same_key_and_body_returns_the_first_result_and_creates_nothing(api, demo):
    first = api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-1"})
    second = api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == second.status_code == 200
    assert first.json()["expires_at"] == second.json()["expires_at"]
    assert second.json()["token"] is None and second.json()["secrets_withheld"] == ["token"]
    assert second["Idempotent-Replay"] == "true"
    assert ApiToken.objects.count() == 1


def test_same_key_with_another_body_is_refused(api, demo):
    api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-2"})
    response = api.post("/auth/token", {**LOGIN, "password": "other"}, headers={"Idempotency-Key": "k-2"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "idempotency_key_reused"


def test_without_a_key_every_call_acts(api, demo):
    api.post("/auth/token", LOGIN)
    api.post("/auth/token", LOGIN)
    assert ApiToken.objects.count() == 2


def test_a_key_older_than_24_hours_acts_again(api, demo):
    api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-3"})
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))
    api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-3"})
    assert ApiToken.objects.count() == 2


MESSAGE = {"kind": "consultation", "title": "户籍迁移咨询", "body": "请问户口迁入需要什么材料？", "name": "孙丽",
           "phone": "13709518888"}


def _post_message(client: Client, key: str):
    return client.post("/api/v1/messages", MESSAGE, content_type="application/json",
                       headers={"Idempotency-Key": key})


def test_a_request_in_progress_past_its_lease_is_processed_again(demo, settings):
    """A server killed mid-request left the record "in progress": a retry after the lease acts."""
    from zwgk.interaction.models import Message

    settings.ZWGK_IDEMPOTENCY_LEASE_SECONDS = 60
    IdempotencyRecord.objects.create(key="crash", owner="x", method="POST", path="/api/v1/messages", body_hash="-")
    client = Client()
    before = Message.objects.count()
    _post_message(client, "probe")  # learn this client's owner scope from its own record
    owner = IdempotencyRecord.objects.get(key="probe").owner
    IdempotencyRecord.objects.filter(key="crash").update(owner=owner, body_hash=IdempotencyRecord.objects.get(
        key="probe").body_hash)
    IdempotencyRecord.objects.filter(key="crash").update(created_at=timezone.now() - timedelta(seconds=30))
    assert _post_message(client, "crash").status_code == 409  # still within the lease
    IdempotencyRecord.objects.filter(key="crash").update(created_at=timezone.now() - timedelta(seconds=61))
    retry = _post_message(client, "crash")
    assert retry.status_code == 201, retry.content
    assert Message.objects.count() == before + 2
    assert IdempotencyRecord.objects.get(key="crash").status == 201


def test_the_stored_answer_holds_no_query_code(demo):
    client = Client()
    first = _post_message(client, "q-1")
    code = first.json()["query_code"]
    record = IdempotencyRecord.objects.get(key="q-1")
    assert code.encode() not in bytes(record.content)
    replay = _post_message(client, "q-1")
    assert replay.status_code == 201 and replay.json()["number"] == first.json()["number"]
    assert replay.json()["query_code"] is None
    assert replay.json()["secrets_withheld"] == ["query_code"] and "一次" in replay.json()["secrets_note"]


def test_two_anonymous_callers_with_the_same_key_do_not_collide(demo):
    from zwgk.interaction.models import Message

    before = Message.objects.count()
    one = _post_message(Client(REMOTE_ADDR="10.0.0.1"), "same")
    two = _post_message(Client(REMOTE_ADDR="10.0.0.2"), "same")
    assert one.status_code == two.status_code == 201
    assert one.json()["number"] != two.json()["number"] and "Idempotent-Replay" not in two
    assert Message.objects.count() == before + 2
    assert "10.0.0.1" not in "".join(IdempotencyRecord.objects.values_list("owner", flat=True))


def test_core_middleware_does_not_import_the_api_package():
    import ast
    from pathlib import Path

    import zwgk.core.middleware as module

    tree = ast.parse(Path(module.__file__).read_text())
    imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m and m.startswith("zwgk.api")]
