"""``Idempotency-Key``: the same key and body within 24 h returns the first result (API.md)."""

from datetime import timedelta

from django.utils import timezone

from zwgk.core.models import IdempotencyRecord
from zwgk.org.models import ApiToken

LOGIN = {"username": "clerk", "password": "zwgk-demo-2026"}


def test_same_key_and_body_returns_the_first_result_and_creates_nothing(api, demo):
    first = api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-1"})
    second = api.post("/auth/token", LOGIN, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
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
