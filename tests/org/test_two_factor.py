"""Two-factor login with TOTP and one-use backup codes (API.md "Identity"; Art. 40)."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import ApiClient
from tests.org.conftest import PASSWORD, token_request
from zwgk.org import otp
from zwgk.org.models import Role, Staff
from zwgk.security.models import AuditEntry, AuditKind


def code_for(staff: Staff, confirmed: bool) -> str:
    device = TOTPDevice.objects.filter(user=staff, confirmed=confirmed).order_by("-id").first()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol_by_api(staff: Staff) -> list[str]:
    client = ApiClient(token_request(PASSWORD).json()["token"])
    started = client.post("/auth/otp").json()
    assert started["otpauth_uri"].startswith("otpauth://totp/") and len(started["secret"]) >= 16
    confirmed = client.post("/auth/otp/confirm", {"otp": code_for(staff, confirmed=False)})
    assert confirmed.status_code == 200, confirmed.content
    return confirmed.json()["backup_codes"]


def test_an_enrolled_account_needs_the_otp_for_a_token(person):
    codes = enrol_by_api(person)
    assert len(codes) == 10
    refused = token_request(PASSWORD)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "otp_required"
    wrong = ApiClient().post("/auth/token", {"username": "zhang", "password": PASSWORD, "otp": "000000"})
    assert wrong.json()["error"]["code"] == "otp_required"
    TOTPDevice.objects.filter(user=person).update(last_t=-1, throttling_failure_count=0,
                                                  throttling_failure_timestamp=None)
    ok = ApiClient().post("/auth/token", {"username": "zhang", "password": PASSWORD, "otp": code_for(person, True)})
    assert ok.status_code == 200
    assert AuditEntry.objects.filter(kind=AuditKind.OTP_ENROLLED, actor="zhang").exists()


def test_a_backup_code_works_once(person):
    codes = enrol_by_api(person)
    body = {"username": "zhang", "password": PASSWORD, "otp": codes[0]}
    assert ApiClient().post("/auth/token", body).status_code == 200
    assert ApiClient().post("/auth/token", body).status_code == 401


def test_a_wrong_code_does_not_enrol(person):
    client = ApiClient(token_request(PASSWORD).json()["token"])
    client.post("/auth/otp")
    response = client.post("/auth/otp/confirm", {"otp": "123456" if code_for(person, False) != "123456" else "654321"})
    assert response.status_code == 422 and not otp.enrolled(person)


def test_in_production_a_publishing_account_enrols_at_its_first_login(person, settings):
    settings.ZWGK_OTP_REQUIRED = True
    web = Client()
    web.post("/workbench/login/", {"username": "zhang", "password": PASSWORD})
    assert web.get("/workbench/")["Location"] == "/workbench/otp/"
    page = web.get("/workbench/otp/").content.decode()
    assert "身份验证器" in page
    done = web.post("/workbench/otp/", {"step": "confirm", "otp": code_for(person, confirmed=False)})
    assert "备用码" in done.content.decode() and otp.enrolled(person)
    assert web.get("/workbench/").status_code == 200
    again = Client()
    refused = again.post("/workbench/login/", {"username": "zhang", "password": PASSWORD})
    assert refused.status_code == 401 and "动态口令" in refused.content.decode()


def test_the_system_administrator_resets_a_lost_second_factor_and_it_is_logged(person):
    enrol_by_api(person)
    admin = Staff.objects.create(username="it_admin")
    admin.roles.add(Role.objects.get(code="sysadmin"))
    otp.do_reset(admin, person)
    assert not otp.enrolled(person)
    assert AuditEntry.objects.get(kind=AuditKind.OTP_RESET).actor == "it_admin"
    assert token_request(PASSWORD).status_code == 200


def test_a_clerk_without_the_right_cannot_reset_anothers_second_factor(person):
    other = Staff.objects.create(username="clerk2")
    with pytest.raises(Exception, match="无权"):
        otp.do_reset(other, person)
