"""Tokens for the API (API.md "General"), lock-out after repeated failures (Art. 40)."""

from datetime import timedelta

from django.utils import timezone

from zwgk.org.models import ApiToken


def test_token_is_issued_for_valid_credentials_and_expires_in_12_hours(api, demo):
    response = api.post("/auth/token", {"username": "clerk", "password": "zwgk-demo-2026"})
    assert response.status_code == 200
    token = ApiToken.objects.get()
    assert timedelta(hours=11, minutes=59) < token.expires_at - timezone.now() <= timedelta(hours=12)
    assert token.key_hash != response.json()["token"]  # only a hash is kept


def test_wrong_password_is_refused_in_chinese(api, demo):
    response = api.post("/auth/token", {"username": "clerk", "password": "wrong-password"})
    assert response.status_code == 401
    assert response.json()["error"] == {"code": "invalid_credentials", "message": "用户名或密码错误。", "fields": {}}


def test_five_failures_lock_the_account_even_for_the_right_password(api, demo, settings):
    for _ in range(settings.ZWGK_LOGIN_MAX_FAILURES):
        api.post("/auth/token", {"username": "clerk", "password": "wrong-password"})
    response = api.post("/auth/token", {"username": "clerk", "password": "zwgk-demo-2026"})
    assert response.status_code == 429
    assert "锁定" in response.json()["error"]["message"]


def test_revoked_token_no_longer_authenticates(api_as):
    client = api_as("sysadmin")
    assert client.delete("/auth/token").status_code == 204
    response = client.put("/calendar/2027", {"holidays": [], "workdays": []})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_expired_token_is_refused(api_as):
    client = api_as("sysadmin")
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.put("/calendar/2027", {"holidays": [], "workdays": []}).status_code == 401


def test_a_session_cookie_does_not_authenticate_the_api(client, staff):
    client.force_login(staff("sysadmin"))
    response = client.put("/api/v1/calendar/2027", {"holidays": [], "workdays": []}, content_type="application/json")
    assert response.status_code == 401
