"""Periodic security jobs (Art. 40): the daily backup and the audit log's retention. Each is also a
management command (backup_daily, prune_audit) for machines without Celery beat."""

from __future__ import annotations

from celery import shared_task

from zwgk.security import audit, backups
from zwgk.security.models import AuditKind


@shared_task(name="security.daily_backup")
def daily_backup() -> str:
    target, removed = backups.daily()
    audit.log(AuditKind.BACKUP, obj=str(target), detail={"removed": [p.name for p in removed]})
    return f"已备份到 {target}，清理旧备份{len(removed)}份。"


@shared_task(name="security.prune_audit")
def prune_audit() -> int:
    return audit.prune()
