"""Backups and recovery (Art. 40 数据备份与恢复; API.md "Operations"): the full round trip on the
database in use (SQLite or PostgreSQL) compares every table and every stored file; a damaged backup
is refused by verify_backup and by restore; the daily job keeps N copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from zwgk.org.models import Department, Staff
from zwgk.org.reference_load import first_administrator, load_reference_data
from zwgk.security import audit, backups
from zwgk.security.models import AuditKind

QUIET = {"stdout": open("/dev/null", "w")}


def snapshot() -> dict[str, list]:
    """Every row of every table, in a stable order."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT * FROM "{table}"')
            tables[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return tables


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def media(tmp_path, settings) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "attachments" / "2026").mkdir(parents=True)
    (settings.MEDIA_ROOT / "attachments" / "2026" / "公告.pdf").write_bytes(b"%PDF-1.7 national day notice")
    (settings.MEDIA_ROOT / "scans" ).mkdir()
    (settings.MEDIA_ROOT / "scans" / "application-1.png").write_bytes(bytes(range(256)))
    return settings.MEDIA_ROOT


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_every_table_and_file(media, tmp_path):
    load_reference_data()
    first_administrator("admin")
    audit.log(AuditKind.LOGIN, actor="admin", ip="10.0.0.8")
    before, stored = snapshot(), files(media)
    call_command("backup", str(tmp_path / "b1"), **QUIET)
    call_command("verify_backup", str(tmp_path / "b1"), **QUIET)
    # what happens after the backup: a department goes, an account comes, a file changes
    Department.objects.filter(code="exit_entry").update(name="改名")
    Staff.objects.create(username="later")
    (media / "scans" / "application-1.png").write_bytes(b"changed")
    (media / "new.txt").write_text("x")
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(tmp_path / "b1"), **QUIET)
    call_command("restore", str(tmp_path / "b1"), "--force", **QUIET)
    after = snapshot()
    assert after.keys() == before.keys()
    # the restore's own audit entry is the one new row
    changed = {t for t in before if before[t] != after[t]}
    assert changed <= {"security_auditentry", "security_audithead"}
    assert len(after["security_auditentry"]) == len(before["security_auditentry"]) + 1
    assert files(media) == stored
    assert audit.verify() is None


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("damage", ["database", "file", "extra", "manifest"])
def test_a_damaged_backup_is_refused_by_verify_and_by_restore(media, tmp_path, damage):
    target = tmp_path / "b"
    backups.backup(target)
    manifest = json.loads((target / "manifest.json").read_text())
    if damage == "database":
        path = target / manifest["database"]["file"]
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "file":
        (target / "files" / "scans" / "application-1.png").write_bytes(b"tampered")
    elif damage == "extra":
        (target / "files" / "planted.html").write_text("<script>")
    else:
        (target / "manifest.json").write_text("{")
    with pytest.raises(CommandError) as caught:
        call_command("verify_backup", str(target), **QUIET)
    assert caught.value.returncode == 1
    with pytest.raises(CommandError):
        call_command("restore", str(target), "--force", **QUIET)


@pytest.mark.django_db(transaction=True)
def test_the_daily_backup_keeps_the_newest_copies(media, tmp_path, settings, monkeypatch):
    settings.ZWGK_BACKUP_DIR = tmp_path / "daily"
    settings.ZWGK_BACKUP_KEEP = 2
    names = iter(["zwgk-20260928-023000", "zwgk-20260929-023000", "zwgk-20261010-023000"])

    class Clock:
        def strftime(self, fmt: str) -> str:
            return next(names)

    monkeypatch.setattr(backups.timezone, "localtime", lambda: Clock())
    for _ in range(3):
        call_command("backup_daily", **QUIET)
    kept = sorted(p.name for p in settings.ZWGK_BACKUP_DIR.iterdir())
    assert kept == ["zwgk-20260929-023000", "zwgk-20261010-023000"]


def test_a_backup_is_written_only_into_an_empty_directory(tmp_path, db):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("x")
    with pytest.raises(CommandError, match="不是空目录"):
        call_command("backup", str(tmp_path / "busy"), **QUIET)
