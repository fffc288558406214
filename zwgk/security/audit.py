"""Writing and checking the audit log (Art. 40 安全审计). Each entry stores the hash of the one
before it; the single ``AuditHead`` row, locked while an entry is appended, keeps the chain linear
and remembers its end, so a changed, removed or reordered entry is found by ``verify``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from zwgk.core.compiled import CompiledQuery
from zwgk.security.context import CLIENT_IP
from zwgk.security.models import AuditEntry, AuditHead, AuditKind, AuditResult

GENESIS = "0" * 64


def _actor_name(actor: Any) -> str:
    if actor is None:
        return ""
    if isinstance(actor, str):
        return actor
    return getattr(actor, "username", "") if getattr(actor, "is_authenticated", False) else ""


def object_label(obj: Any) -> str:
    """``app.model:pk`` for a model instance, the text itself otherwise."""
    if isinstance(obj, models.Model):
        return f"{obj._meta.label_lower}:{obj.pk}"
    return "" if obj is None else str(obj)[:200]


def entry_hash(entry: AuditEntry) -> str:
    """The hash over the entry's content and the previous entry's hash."""
    at = entry.at.astimezone(UTC).isoformat(timespec="microseconds")
    content = [entry.seq, at, entry.actor, entry.ip or "", entry.kind, entry.object, entry.result,
               entry.detail, entry.prev_hash]
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


# Read, locked, by every audit entry (compiled once, ``core.compiled``: issue 11).
_LOCKED_HEAD = CompiledQuery(lambda: AuditHead.objects.select_for_update().filter(pk=1))


def _head() -> AuditHead:
    head = _LOCKED_HEAD.first()
    if head is None:
        AuditHead.objects.get_or_create(pk=1)
        head = AuditHead.objects.select_for_update().get(pk=1)
    return head


def log(kind: str, *, actor: Any = None, obj: Any = None, result: str = AuditResult.SUCCESS,
        ip: str | None = None, detail: dict | None = None) -> AuditEntry:
    """Append one entry. Inside the caller's transaction, so a case change and its audit entry are
    kept or rolled back together (no savepoint of its own: two round trips fewer on every public
    submission, issue 11)."""
    if kind not in AuditKind.values:
        raise ValueError(f"unknown audit kind {kind!r}")
    with transaction.atomic(savepoint=False):
        head = _head()
        entry = AuditEntry(
            seq=head.last_seq + 1, at=timezone.now(), actor=_actor_name(actor)[:150],
            ip=ip if ip is not None else CLIENT_IP.get(), kind=kind, object=object_label(obj),
            result=result, detail=json.loads(json.dumps(detail or {}, default=str)), prev_hash=head.last_hash,
        )
        entry.hash = entry_hash(entry)
        entry.save()
        head.last_seq, head.last_hash = entry.seq, entry.hash
        head.save(update_fields=["last_seq", "last_hash"])
    return entry


def log_case_event(event: Any) -> AuditEntry:
    """The security view of a case event (it does not replace the event log)."""
    return log(
        AuditKind.CASE_EVENT, actor=event.actor, obj=f"{event.content_type.app_label}.{event.content_type.model}"
        f":{event.object_id}", detail={"action": event.action, "from": event.from_state, "to": event.to_state},
    )


@dataclass
class Broken:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"第{self.seq}条审计记录{self.reason}"


def verify() -> Broken | None:
    """The first broken place in the chain, or None when every entry is as written."""
    head = AuditHead.objects.filter(pk=1).first() or AuditHead(pk=1)
    expected_seq, expected_prev = head.pruned_through + 1, head.anchor_hash
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return Broken(expected_seq, "缺失（已被删除）")
        if entry.prev_hash != expected_prev:
            return Broken(entry.seq, "与前一条的链接不符（前一条被修改或删除）")
        if entry_hash(entry) != entry.hash:
            return Broken(entry.seq, "内容被修改")
        expected_seq, expected_prev = entry.seq + 1, entry.hash
    if expected_seq - 1 != head.last_seq or expected_prev != head.last_hash:
        return Broken(expected_seq, "缺失（最新记录被删除）")
    return None


def retention() -> timedelta:
    return timedelta(days=settings.ZWGK_AUDIT_RETENTION_DAYS)


@transaction.atomic
def prune() -> int:
    """Remove entries older than the retention period (at least 6 months, Art. 40), keeping the
    chain checkable: the head remembers the last removed entry's number and hash."""
    head = _head()
    cutoff = timezone.now() - retention()
    old = AuditEntry.objects.filter(at__lt=cutoff, seq__lte=head.last_seq).order_by("-seq").first()
    if old is None:
        return 0
    count = AuditEntry.objects.filter(seq__lte=old.seq).count()
    AuditEntry.objects.filter(seq__lte=old.seq)._raw_delete(AuditEntry.objects.db)
    head.pruned_through, head.anchor_hash = old.seq, old.hash
    head.save(update_fields=["pruned_through", "anchor_hash"])
    log(AuditKind.AUDIT_PRUNED, detail={"through": old.seq, "count": count})
    return count


def personal_data(actor: Any, obj: Any, what: str) -> AuditEntry:
    """A download or export that carries personal data (a reply letter, a scan, a register, an
    XLSX): one line where such a file is served."""
    return log(AuditKind.PERSONAL_DATA_EXPORT, actor=actor, obj=obj, detail={"what": what})
