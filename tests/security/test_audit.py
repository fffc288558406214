"""The security audit log (Art. 40 安全审计; API.md "Audit"): append-only, chained by hashes,
checked by ``verify_audit``, kept at least six months, readable by the system administrator and the
inspection corps, exportable."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from tests.org.conftest import PASSWORD, token_request
from zwgk.events.services import record
from zwgk.org.models import Department, Role, Staff
from zwgk.security import audit
from zwgk.security.models import AuditEntry, AuditHead, AuditKind


def entries(n: int) -> list[AuditEntry]:
    return [audit.log(AuditKind.LOGIN, actor=f"user{i}", obj="org.staff:1", ip="10.1.1.1") for i in range(n)]


def verify() -> str:
    try:
        call_command("verify_audit", stdout=open("/dev/null", "w"))
    except CommandError as exc:
        return str(exc)
    return "ok"


def test_each_entry_carries_the_hash_of_the_one_before(db):
    first, second = entries(2)
    assert second.prev_hash == first.hash and first.prev_hash == "0" * 64
    assert verify() == "ok"


def test_verify_audit_names_an_edited_entry_and_exits_1(db):
    entries(4)
    AuditEntry.objects.filter(seq=3).update(actor="someone_else")
    with pytest.raises(CommandError) as caught:
        call_command("verify_audit")
    assert caught.value.returncode == 1 and "第3条" in str(caught.value)


def test_verify_audit_finds_a_removed_entry_and_a_removed_newest_one(db):
    entries(4)
    AuditEntry.objects.filter(seq=2)._raw_delete(AuditEntry.objects.db)
    assert "第2条" in verify()
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)
    AuditHead.objects.update(last_seq=0, last_hash="0" * 64)
    entries(3)
    AuditEntry.objects.filter(seq=3)._raw_delete(AuditEntry.objects.db)
    assert "第3条" in verify()


def test_entries_cannot_be_changed_or_deleted_through_the_orm(db):
    (entry,) = entries(1)
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_every_case_event_writes_an_audit_entry(db):
    department = Department.objects.create(code="traffic", name="交警总队")
    record(department, "renamed", note="测试")
    entry = AuditEntry.objects.get(kind=AuditKind.CASE_EVENT)
    assert entry.object == f"org.department:{department.pk}" and entry.detail["action"] == "renamed"


def test_pruning_keeps_the_chain_checkable_and_respects_retention(db, settings):
    entries(5)
    old = timezone.now() - timedelta(days=settings.ZWGK_AUDIT_RETENTION_DAYS + 1)
    AuditEntry.objects.filter(seq__lte=3).update(at=old)
    # rehash the aged entries so the chain is intact before pruning
    previous = "0" * 64
    for entry in AuditEntry.objects.order_by("seq"):
        entry.prev_hash = previous
        entry.hash = audit.entry_hash(entry)
        AuditEntry.objects.filter(pk=entry.pk).update(prev_hash=entry.prev_hash, hash=entry.hash)
        previous = entry.hash
    AuditHead.objects.update(last_hash=previous)
    assert verify() == "ok"
    assert audit.prune() == 3
    assert AuditEntry.objects.filter(seq__lte=3).count() == 0
    assert verify() == "ok"


def test_the_retention_setting_refuses_less_than_six_months():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", "import zwgk.settings"], capture_output=True, text=True,
                         env={"ZWGK_AUDIT_RETENTION_DAYS": "90", "PATH": "/usr/bin"})
    assert run.returncode != 0 and "183" in run.stderr


@pytest.fixture
def inspector(person):
    staff = Staff.objects.create(username="ducha", department=person.department)
    staff.set_password(PASSWORD)
    staff.save()
    staff.roles.add(Role.objects.get(code="inspector"))
    return staff


def test_the_inspection_corps_reads_the_log_through_the_api_and_a_handler_cannot(person, inspector):
    from tests.conftest import ApiClient

    token_request("wrong")
    client = ApiClient(token_request(PASSWORD, username="ducha").json()["token"])
    found = client.get("/audit", {"kind": "login_failed", "actor": "zhang"}).json()
    assert [(r["actor"], r["kind"], r["result"], r["ip"]) for r in found["results"]] == [
        ("zhang", "login_failed", "failure", "10.0.0.1")]
    handler = ApiClient(token_request(PASSWORD).json()["token"])
    assert handler.get("/audit").status_code == 403


def test_the_workbench_page_shows_and_exports_the_log(person, inspector):
    web = Client()
    web.post("/workbench/login/", {"username": "ducha", "password": PASSWORD})
    html = web.get("/workbench/audit/?kind=login").content.decode()
    assert "安全审计日志" in html and "ducha" in html
    export = web.get("/workbench/audit/export.csv")
    body = b"".join(export.streaming_content).decode()
    assert body.startswith("\ufeff序号") and "ducha" in body
    assert AuditEntry.objects.filter(kind=AuditKind.AUDIT_EXPORT, actor="ducha").exists()
