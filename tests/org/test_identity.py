"""Staff identity (issue 10; Art. 40, 41): one lock-out gate with back-off per account and address,
counted before the password is checked; password change, expiry and history; forced change of an
initial password; idle sessions end."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.conftest import ApiClient
from tests.org.conftest import PASSWORD, token_request
from zwgk.org import auth
from zwgk.org.middleware import SEEN
from zwgk.org.models import Department, LoginThrottle, Staff
from zwgk.security.models import AuditEntry, AuditKind


def test_a_lock_out_covers_one_account_from_one_address_only(person, settings):
    for _ in range(settings.ZWGK_LOGIN_MAX_FAILURES):
        assert token_request("wrong", ip="203.0.113.9").status_code == 401
    assert token_request(PASSWORD, ip="203.0.113.9").status_code == 429
    assert token_request(PASSWORD, ip="10.0.0.1").status_code == 200  # the clerk at her desk is not locked out


def test_each_lock_out_is_logged_and_doubles_the_next(person, settings):
    for _ in range(settings.ZWGK_LOGIN_MAX_FAILURES + 1):
        token_request("wrong")
    lock = AuditEntry.objects.get(kind=AuditKind.LOCKOUT)
    assert lock.actor == "zhang" and lock.detail["minutes"] == settings.ZWGK_LOGIN_LOCK_MINUTES
    row = LoginThrottle.objects.get(key="account:zhang|10.0.0.1")
    row.locked_until = timezone.now() - timedelta(seconds=1)
    row.save()
    for _ in range(settings.ZWGK_LOGIN_MAX_FAILURES + 1):
        token_request("wrong")
    second = AuditEntry.objects.filter(kind=AuditKind.LOCKOUT).order_by("-seq").first()
    assert second.detail["minutes"] == 2 * settings.ZWGK_LOGIN_LOCK_MINUTES


def test_failed_and_successful_logins_are_audited(person):
    token_request("wrong")
    token_request(PASSWORD)
    kinds = list(AuditEntry.objects.order_by("seq").values_list("kind", "actor", "ip"))
    assert (AuditKind.LOGIN_FAILED, "zhang", "10.0.0.1") in kinds and (AuditKind.LOGIN, "zhang", "10.0.0.1") in kinds


def test_djangos_own_authenticate_and_the_admin_login_use_the_same_gate(person, settings, client):
    for _ in range(settings.ZWGK_LOGIN_MAX_FAILURES):
        token_request("wrong", ip="127.0.0.1")
    request = type("R", (), {"META": {"REMOTE_ADDR": "127.0.0.1"}})()
    assert authenticate(request, username="zhang", password=PASSWORD) is None
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/workbench/login/")


@pytest.mark.django_db(transaction=True)
def test_sixteen_parallel_guesses_check_no_more_passwords_than_allowed(settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (SQLite serialises every writer anyway)")
    department = Department.objects.create(code="traffic", name="交警总队")
    staff = Staff.objects.create(username="zhang", department=department)
    staff.set_password(PASSWORD)
    staff.save()
    checked = []
    real = auth.ModelBackend.authenticate

    def counting(self, request, **kwargs):
        checked.append(1)
        time.sleep(0.05)
        return real(self, request, **kwargs)

    monkeypatch.setattr(auth.ModelBackend, "authenticate", counting)
    barrier = threading.Barrier(16)

    def guess() -> None:
        barrier.wait()
        try:
            auth.authenticate_password("zhang", "wrong-guess", "198.51.100.7")
        except Exception:
            pass
        finally:
            connection.close()

    threads = [threading.Thread(target=guess) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(checked) <= settings.ZWGK_LOGIN_MAX_FAILURES


def api_for(person) -> ApiClient:
    return ApiClient(token_request(PASSWORD).json()["token"])


def test_password_change_asks_for_the_old_one_and_refuses_the_last_five(person):
    client = api_for(person)
    assert client.post("/auth/password", {"old": "nope", "new": "Xinmima#2026"}).json()["error"]["fields"] == {
        "old": "原密码不正确"}
    current = PASSWORD
    for n in range(5):
        new = f"Xinmima#{2020 + n}"
        assert client.post("/auth/password", {"old": current, "new": new}).status_code == 204
        current = new
        client = ApiClient(token_request(current).json()["token"])  # a change revokes every token
    refused = client.post("/auth/password", {"old": current, "new": PASSWORD.replace("abc", "abc")})
    assert refused.status_code == 422 and "最近5次" in refused.json()["error"]["message"]
    assert client.post("/auth/password", {"old": current, "new": "Xinmima#2020"}).status_code == 422
    assert client.post("/auth/password", {"old": current, "new": "short"}).json()["error"]["fields"]["new"]


def test_an_initial_password_must_be_changed_before_any_work(person):
    initial = auth.set_initial_password(person)
    web = Client()
    response = web.post("/workbench/login/", {"username": "zhang", "password": initial})
    assert response.status_code == 302
    assert web.get("/workbench/")["Location"] == "/workbench/password/"
    api = ApiClient(token_request(initial).json()["token"])
    assert api.get("/org/departments").json()["error"]["code"] == "password_change_required"
    page = web.post("/workbench/password/", {"old": initial, "new": "Xinmima#2026", "again": "Xinmima#2026"})
    assert page.status_code == 302
    assert web.get("/workbench/").status_code == 200


def test_a_password_older_than_90_days_must_be_changed(person, client):
    Staff.objects.filter(pk=person.pk).update(password_changed_at=timezone.now() - timedelta(days=91))
    client.post("/workbench/login/", {"username": "zhang", "password": PASSWORD})
    response = client.get("/workbench/")
    assert response["Location"] == "/workbench/password/"
    assert "已超过有效期" in client.get("/workbench/password/").content.decode()


def test_an_idle_session_ends_after_30_minutes(person, client, settings):
    client.post("/workbench/login/", {"username": "zhang", "password": PASSWORD})
    assert client.get("/workbench/").status_code == 200
    session = client.session
    session[SEEN] = int(time.time()) - settings.ZWGK_SESSION_IDLE_MINUTES * 60 - 1
    session.save()
    response = client.get("/workbench/")
    assert response.status_code == 302 and response["Location"].startswith("/workbench/login/")
    assert client.get("/workbench/").status_code == 302


def test_behind_the_local_nginx_the_forwarded_address_counts_and_a_forged_one_does_not(person, settings):
    client = ApiClient().client
    for _ in range(settings.ZWGK_LOGIN_MAX_FAILURES):
        client.post("/api/v1/auth/token", {"username": "zhang", "password": "wrong"}, content_type="application/json",
                    REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5")
    assert LoginThrottle.objects.filter(key="account:zhang|203.0.113.5", failures=5).exists()
    from_desk = client.post("/api/v1/auth/token", {"username": "zhang", "password": PASSWORD},
                            content_type="application/json", REMOTE_ADDR="127.0.0.1",
                            HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert from_desk.status_code == 200
