"""Backups and recovery (Art. 40 数据备份与恢复; API.md "Operations"). A backup directory holds the
database (SQLite through its online backup API, so it is consistent while the site runs;
PostgreSQL as a ``pg_dump`` custom-format archive), every stored file under ``files/``, and
``manifest.json`` with a SHA-256 checksum of each. ``verify`` checks every checksum and refuses a
file that is missing, changed or not listed; ``restore`` verifies first, and refuses to overwrite
an installation that has data unless forced.

Not in the backup, on purpose: ``SECRET_KEY`` and ``ZWGK_QUERY_CODE_KEY`` (kept by the operator
with the backup's instructions; the manifest records a fingerprint of the query-code key so a
restore onto another key is flagged), and the static site tree (``manage.py publish_site``
renders it again)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
FILES = "files"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
KEY_WARNING = "注意：备份时的 ZWGK_QUERY_CODE_KEY 与当前不同；恢复后须改回备份时的值，否则群众的查询码将无法使用。"


class BackupError(Exception):
    """A backup that cannot be written, or one that is damaged (the message is Chinese)."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def key_fingerprint() -> str:
    return hashlib.sha256(b"zwgk-query-code-key:" + settings.ZWGK_QUERY_CODE_KEY.encode()).hexdigest()[:16]


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _pg_env() -> tuple[list[str], dict[str, str]]:
    conf = connection.settings_dict
    args = ["--dbname", conf["NAME"]]
    if conf.get("HOST"):
        args += ["--host", str(conf["HOST"])]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", str(conf["USER"])]
    env = {**os.environ}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = str(conf["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} 执行失败：{done.stderr.strip()[:500]}")


def _dump_database(target: Path) -> str:
    if engine() == "postgresql":
        args, env = _pg_env()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target / PG_FILE), *args], env)
        return PG_FILE
    connection.ensure_connection()
    destination = sqlite3.connect(target / SQLITE_FILE)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    return SQLITE_FILE


def _copy_files(source: Path, target: Path) -> dict[str, str]:
    checksums: dict[str, str] = {}
    if not source.is_dir():
        return checksums
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source).as_posix()
        copy = target / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        checksums[relative] = _sha256(copy)
    return checksums


def backup(directory: Path) -> dict:
    """Write a backup into ``directory`` (new or empty); returns the manifest."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"备份目录 {directory} 不是空目录。")
    directory.mkdir(parents=True, exist_ok=True)
    database = _dump_database(directory)
    files = _copy_files(media_root(), directory / FILES)
    manifest = {
        "format": FORMAT, "created_at": timezone.now().isoformat(), "engine": engine(),
        "database": {"file": database, "sha256": _sha256(directory / database)},
        "files": files, "query_code_key": key_fingerprint(),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


@dataclass
class Checked:
    manifest: dict
    problems: list[str]


def verify(directory: Path) -> Checked:
    """Every checksum of the manifest, and nothing unlisted; ``problems`` is empty for a good backup."""
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        database = manifest["database"]
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return Checked({}, [f"{directory} 中没有可读的备份清单 {MANIFEST}。"])
    problems = []
    if manifest.get("format") != FORMAT:
        problems.append(f"备份格式 {manifest.get('format')} 无法识别。")
    db_path = directory / str(database.get("file", ""))
    if not db_path.is_file():
        problems.append(f"数据库文件 {database.get('file')} 缺失。")
    elif _sha256(db_path) != database.get("sha256"):
        problems.append(f"数据库文件 {database.get('file')} 校验值不符（已损坏或被修改）。")
    root = directory / FILES
    present = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} if root.is_dir() else set()
    for name, checksum in sorted(files.items()):
        if name not in present:
            problems.append(f"文件 {name} 缺失。")
        elif _sha256(root / name) != checksum:
            problems.append(f"文件 {name} 校验值不符（已损坏或被修改）。")
    for name in sorted(present - set(files)):
        problems.append(f"文件 {name} 不在备份清单中。")
    return Checked(manifest, problems)


def has_data() -> bool:
    """An installation has data once it has any staff account (``setup`` creates the first)."""
    from zwgk.org.models import Staff

    try:
        return Staff.objects.exists()
    except Exception:  # no tables yet: an empty database
        return False


def restore(directory: Path, *, force: bool = False) -> dict:
    """Restore the database and the stored files from a verified backup."""
    checked = verify(directory)
    if checked.problems:
        raise BackupError("备份校验未通过，拒绝恢复：" + "；".join(checked.problems))
    manifest = checked.manifest
    if manifest["engine"] != engine():
        raise BackupError(f"备份来自 {manifest['engine']} 数据库，当前为 {engine()}，不能直接恢复。")
    if has_data() and not force:
        raise BackupError("当前安装已有数据；确认要以备份覆盖时请加 --force。")
    directory = Path(directory)
    database = directory / manifest["database"]["file"]
    if engine() == "postgresql":
        args, env = _pg_env()
        connection.close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(database)],
             env)
    else:
        connection.ensure_connection()
        source = sqlite3.connect(database)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    root = media_root()
    if root.is_dir():
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    if (directory / FILES).is_dir():
        shutil.copytree(directory / FILES, root, dirs_exist_ok=True)
    return manifest


def daily(base: Path | None = None, keep: int | None = None) -> tuple[Path, list[Path]]:
    """Today's backup under ``ZWGK_BACKUP_DIR`` and the removal of all but the newest ``keep``."""
    base = Path(base or settings.ZWGK_BACKUP_DIR)
    keep = settings.ZWGK_BACKUP_KEEP if keep is None else keep
    target = base / timezone.localtime().strftime("zwgk-%Y%m%d-%H%M%S")
    backup(target)
    copies = sorted((p for p in base.iterdir() if (p / MANIFEST).is_file()), key=lambda p: p.name)
    removed = copies[:-keep] if keep > 0 else []
    for old in removed:
        shutil.rmtree(old)
    return target, removed
