"""Writes on the disclosure catalog: drafting, the pre-publication scan, content and secrecy review,
publication, withdrawal. One function per action; each checks rights and state through the
transition table, changes the row in a transaction and writes an event (DESIGN.md principle 4).

Art. 4: content review and secrecy review before anything is published, recorded in the review
ledger (审核审查台账); what the reviewer cannot decide goes to the secrecy office (厅保密办), whose
decision is final for the system (a consultation of a higher secrecy office is recorded with it).
Art. 5, 26: the disclosure attribute (此件公开发布 / 此件删减后公开 / 此件不予公开) is set when drafting;
what may be published is published within the publication limit (5 working days by default)
counted from approval. Art. 39: reposts carry their source site, time and link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from zwgk.catalog import search, selectors
from zwgk.catalog.attachments import check as check_attachment
from zwgk.catalog.models import Attachment, Category, Entry, ReviewRecord, Section, SensitiveWord
from zwgk.core.errors import Conflict, InvalidInput
from zwgk.core.models import current_site
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionTable
from zwgk.events.services import record
from zwgk.org.permissions import require
from zwgk.workdays import services as workdays

E = Entry
TABLE = TransitionTable.build(
    [
        ("edit", [E.DRAFT], None),
        ("submit", [E.DRAFT], E.IN_REVIEW),
        ("approve", [E.IN_REVIEW, E.SECRECY_REVIEW], E.APPROVED),
        ("return", [E.IN_REVIEW, E.SECRECY_REVIEW], E.DRAFT),
        ("refer_secrecy", [E.IN_REVIEW], E.SECRECY_REVIEW),
        ("schedule", [E.APPROVED], None),
        ("publish", [E.APPROVED], E.PUBLISHED),
        ("withdraw", [E.PUBLISHED], E.WITHDRAWN),
    ],
    state_labels=dict(Entry.STATUSES),
    action_labels={
        "edit": "修改", "submit": "提交审核", "approve": "同意公开", "return": "退回修改",
        "refer_secrecy": "提交厅保密办审查", "schedule": "定时发布", "publish": "发布", "withdraw": "撤回",
    },
)
DECISIONS = ("approve", "return", "refer_secrecy")

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div", "sub", "sup", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},
                      "p": {"style"}, "div": {"style"}}


def sanitize_body(body: str) -> str:
    """Rich text cleaned with nh3 (no scripts, no event handlers, safe links). Plain text (no tags)
    becomes paragraphs, one per line."""
    body = (body or "").strip()
    if not body:
        return ""
    if "<" not in body:
        return "".join(f"<p>{escape(line.strip())}</p>" for line in body.splitlines() if line.strip())
    return nh3.clean(
        body, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer", filter_style_properties={"text-align", "text-indent"},
    )


def publisher_names(department: Any) -> list[str]:
    """Who may be named as 发布机构: the department itself or the department of public security."""
    short = department.name.split("（")[0]
    return [f"公安厅{short}" if not short.startswith("公安厅") else short, current_site().department_name]


# -- drafting ----------------------------------------------------------------------------------------


@dataclass
class DraftData:
    title: str
    section: Section
    category: Category
    body: str = ""
    disclosure_attribute: str = Entry.PUBLIC
    document_number: str = ""
    redacted_body: str = ""
    disclosure_mode: str = Entry.PROACTIVE
    publisher: str = ""
    validity: str = Entry.VALID
    repost_source: str = ""
    repost_at: datetime | None = None
    repost_url: str = ""


def _validate(data: DraftData, department: Any) -> dict[str, Any]:
    errors: dict[str, str] = {}
    title = (data.title or "").strip()
    if not title:
        errors["title"] = "请填写信息名称"
    elif len(title) > 300:
        errors["title"] = "信息名称不超过300字"
    if data.disclosure_attribute not in dict(Entry.ATTRIBUTES):
        errors["disclosure_attribute"] = "公开属性应为 public、redacted 或 not_public"
    if data.disclosure_mode not in dict(Entry.MODES):
        errors["disclosure_mode"] = "公开方式应为 proactive 或 on_application"
    if data.validity not in dict(Entry.VALIDITIES):
        errors["validity"] = "效力应为 valid、amended 或 repealed"
    body = sanitize_body(data.body)
    redacted = sanitize_body(data.redacted_body)
    if data.disclosure_attribute == Entry.REDACTED and not search.plain_text(redacted).strip():
        errors["redacted_body"] = "此件删减后公开：请填写删减后对外发布的正文"
    names = publisher_names(department)
    publisher = (data.publisher or "").strip() or names[0]
    if publisher not in names:
        errors["publisher"] = "发布机构应为" + "或".join(names)
    if (data.repost_source or data.repost_url) and not (data.repost_source and data.repost_url):
        errors["repost_source" if not data.repost_source else "repost_url"] = (
            "转载须同时标注转载来源网站和转载链接（第三十九条）"
        )
    if data.repost_url and not data.repost_url.startswith(("http://", "https://")):
        errors["repost_url"] = "转载链接应以 http:// 或 https:// 开头"
    if errors:
        raise InvalidInput("草稿内容有误：" + "；".join(errors.values()) + "。", fields=errors)
    repost_at = data.repost_at
    if (data.repost_source or data.repost_url) and repost_at is None:
        repost_at = timezone.now()
    return {
        "title": title, "section": data.section, "category": data.category, "body": body,
        "redacted_body": redacted if data.disclosure_attribute == Entry.REDACTED else "",
        "disclosure_attribute": data.disclosure_attribute, "disclosure_mode": data.disclosure_mode,
        "document_number": (data.document_number or "").strip()[:100], "publisher": publisher,
        "validity": data.validity, "repost_source": (data.repost_source or "").strip()[:200],
        "repost_url": (data.repost_url or "").strip()[:500], "repost_at": repost_at,
    }


@transaction.atomic
def do_create_draft(actor: Any, data: DraftData) -> Entry:
    """A handler drafts an entry for a section the responsibility table gives their department (Art. 25)."""
    require(actor, "catalog.draft", data.section)
    fields = _validate(data, data.section.department)
    entry = Entry.objects.create(department=data.section.department, created_by=actor, **fields)
    record(entry, "drafted", actor=actor, to_state=Entry.DRAFT, note=f"起草：{entry.title}")
    return entry


@transaction.atomic
def do_update_draft(actor: Any, entry: Entry, data: DraftData) -> Entry:
    entry = _locked(entry)
    require(actor, "catalog.edit", entry)
    TABLE.target("edit", entry.status)
    if data.section.department_id != entry.department_id:
        raise InvalidInput("栏目应属本部门维护。", fields={"section": "栏目不属于本部门"})
    for name, value in _validate(data, entry.department).items():
        setattr(entry, name, value)
    entry.scan_findings, entry.scanned_at = [], None
    entry.save()
    record(entry, "draft_changed", actor=actor, note="修改草稿")
    return entry


@transaction.atomic
def do_add_attachment(actor: Any, entry: Entry, name: str, data: bytes) -> Attachment:
    """Attach a PDF, DOCX, XLSX or image (checked by content and size) to a draft."""
    from django.core.files.base import ContentFile

    entry = _locked(entry)
    require(actor, "catalog.edit", entry)
    TABLE.target("edit", entry.status)
    checked = check_attachment(name, data)
    attachment = Attachment(
        entry=entry, name=checked.name, content_type=checked.content_type, size=checked.size,
        sha256=checked.sha256, text=checked.text, order=entry.attachments.count(),
    )
    attachment.file.save(checked.name, ContentFile(data), save=False)
    attachment.save()
    entry.scan_findings, entry.scanned_at = [], None
    entry.save(update_fields=["scan_findings", "scanned_at", "updated_at"])
    record(entry, "attachment_added", actor=actor, note=f"添加附件：{checked.name}",
           data={"sha256": checked.sha256, "size": checked.size})
    return attachment


@transaction.atomic
def do_remove_attachment(actor: Any, attachment: Attachment) -> None:
    entry = _locked(attachment.entry)
    require(actor, "catalog.edit", entry)
    TABLE.target("edit", entry.status)
    record(entry, "attachment_removed", actor=actor, note=f"删除附件：{attachment.name}")
    attachment.file.delete(save=False)
    attachment.delete()


# -- the pre-publication scan (Art. 4) -----------------------------------------------------------------


KIND_LABELS = {"resident_id": "身份证号码", "mobile": "手机号码", "landline": "电话号码", "bank_card": "银行卡号",
               "sensitive_word": "敏感词"}


def sensitive_words() -> list[str]:
    return list(SensitiveWord.objects.filter(active=True).values_list("word", flat=True))


def scan_entry(entry: Entry) -> list[dict[str, Any]]:
    """What the scan finds in the text to be published (title, public body) and the attachments.
    Each finding: kind, excerpt (masked), source (where), start/end (offsets in that text)."""
    from zwgk.privacy.scan import excerpt, scan_for_publication

    words = sensitive_words()
    texts = [("title", "信息名称", entry.title), ("body", "正文", search.plain_text(entry.public_body))]
    texts += [(f"attachment:{a.pk}", f"附件：{a.name}", a.text) for a in entry.attachments.all() if a.text]
    found = []
    for source, label, text in texts:
        for finding in scan_for_publication(text or "", words):
            found.append({
                "kind": finding.kind, "label": KIND_LABELS.get(finding.kind, finding.kind),
                "excerpt": excerpt(text, finding), "source": source, "where": label,
                "start": finding.start, "end": finding.end,
            })
    return found


# -- the review flow ---------------------------------------------------------------------------------


def _locked(entry: Entry) -> Entry:
    return Entry.objects.select_for_update().select_related("department", "section", "category").get(pk=entry.pk)


@transaction.atomic
def do_submit(actor: Any, entry: Entry) -> Entry:
    """Send a draft to the department head for content and secrecy review; the scan runs now."""
    entry = _locked(entry)
    require(actor, "catalog.submit", entry)
    before = entry.status
    entry.status = TABLE.target("submit", before)
    entry.scan_findings = scan_entry(entry)
    entry.scanned_at = timezone.now()
    entry.save()
    found = len(entry.scan_findings)
    note = f"提交审核；发布前检查发现{found}处提示" if found else "提交审核；发布前检查未发现问题"
    record(entry, "submitted", actor=actor, from_state=before, to_state=entry.status, note=note,
           data={"findings": len(entry.scan_findings)})
    return entry


def _ledger(entry: Entry, actor: Any, stage: str, decision: str, opinion: str, secret: bool = False,
            higher_office: str = "") -> ReviewRecord:
    department = getattr(actor, "department", None)
    return ReviewRecord.objects.create(
        entry=entry, item=entry.title, stage=stage, reviewer=actor,
        reviewer_name=getattr(actor, "display_name", "") or "系统",
        department_name=department.name if department else "",
        reviewed_on=timezone.localdate(), opinion=opinion, secret=secret, decision=decision,
        higher_office=higher_office[:300], findings=len(entry.scan_findings or []),
    )


@transaction.atomic
def do_review(actor: Any, entry: Entry, decision: str, *, secret: bool = False, opinion: str = "",
              higher_office: str = "") -> ReviewRecord:
    """Content and secrecy review by the department head, or the secrecy office's decision when
    referred (Art. 4). Each review is a ledger row. ``higher_office``: when the secrecy office asked
    a higher secrecy office, what it asked and was told (recorded; the decision here is final)."""
    entry = _locked(entry)
    require(actor, "catalog.review", entry)
    if decision not in DECISIONS:
        raise InvalidInput("审核结论应为 approve、return 或 refer_secrecy。", fields={"decision": "取值不在允许范围内"})
    opinion = (opinion or "").strip()
    if decision == "approve" and secret:
        raise InvalidInput("认定涉密的信息不得同意公开，请退回。", fields={"secret": "涉密信息不得公开"})
    if decision == "approve" and entry.disclosure_attribute == Entry.NOT_PUBLIC:
        raise InvalidInput("公开属性为“此件不予公开”的信息不能同意公开。", fields={"decision": "此件不予公开"})
    if decision != "approve" and not opinion:
        raise InvalidInput("退回或提交保密审查时请填写审核意见。", fields={"opinion": "请填写审核意见"})
    before = entry.status
    stage = ReviewRecord.SECRECY if before == Entry.SECRECY_REVIEW else ReviewRecord.CONTENT
    if higher_office and stage != ReviewRecord.SECRECY:
        raise InvalidInput("报上级保密部门审定的情况由厅保密办填写。", fields={"higher_office": "仅限厅保密办"})
    entry.status = TABLE.target(decision, before)
    if decision == "approve":
        workdays.set_due(entry, timezone.localdate(), workdays.limit("publication"))
    elif decision == "return":
        workdays.clear_due(entry)
    entry.save()
    row = _ledger(entry, actor, stage, decision, opinion, secret, higher_office)
    record(entry, f"review_{decision}", actor=actor, from_state=before, to_state=entry.status,
           note=f"{row.get_stage_display()}：{row.get_decision_display()}" + (f"。{opinion}" if opinion else ""),
           data={"ledger": row.pk, "secret": secret, "due_on": str(entry.due_on) if entry.due_on else None})
    return row


def _check_publishable(entry: Entry, override_reason: str) -> None:
    if entry.disclosure_attribute == Entry.NOT_PUBLIC:
        raise Conflict("公开属性为“此件不予公开”，不能发布。", code="not_public")
    if entry.scan_findings and not override_reason:
        raise Conflict(
            f"发布前检查发现{len(entry.scan_findings)}处可能不宜公开的内容，请修改后重新提交，"
            "或填写放行理由（override_reason）后发布。",
            code="scan_findings", fields={"override_reason": "检查有提示时必须填写放行理由"},
        )


@transaction.atomic
def do_publish(actor: Any, entry: Entry, *, override_reason: str = "", at: datetime | None = None) -> Entry:
    """Publish an approved entry now, or schedule it for ``at`` (Art. 26). The index number is made
    now, from the pattern kept as data (kind "catalog")."""
    entry = _locked(entry)
    require(actor, "catalog.publish", entry)
    override_reason = (override_reason or "").strip()
    if at is not None and at > timezone.now():
        TABLE.target("schedule", entry.status)
        _check_publishable(entry, override_reason)
        entry.scheduled_for, entry.scheduled_override = at, override_reason
        entry.save(update_fields=["scheduled_for", "scheduled_override", "updated_at"])
        if entry.scan_findings:
            _ledger(entry, actor, ReviewRecord.PUBLISH, ReviewRecord.OVERRIDE, override_reason)
        record(entry, "scheduled", actor=actor, note=f"定时发布：{timezone.localtime(at):%Y-%m-%d %H:%M}")
        return entry
    return _publish_now(entry, actor, override_reason)


def _publish_now(entry: Entry, actor: Any, override_reason: str, *, ledger_override: bool = True) -> Entry:
    before = entry.status
    target = TABLE.target("publish", before)
    _check_publishable(entry, override_reason)
    today = timezone.localdate()
    if not entry.index_number:
        entry.index_number = next_number("catalog", today.year, unified_code=_unified_code())
    entry.status, entry.published_on, entry.scheduled_for = target, today, None
    entry.save()
    if entry.scan_findings and ledger_override:
        _ledger(entry, actor, ReviewRecord.PUBLISH, ReviewRecord.OVERRIDE, override_reason)
    search.index_entry(entry)
    transaction.on_commit(selectors.catalog_changed)
    late = entry.due_on is not None and today > entry.due_on
    record(entry, "published", actor=actor, from_state=before, to_state=target, public=True,
           note=f"发布，索引号 {entry.index_number}" + ("（超过发布时限）" if late else ""),
           data={"index_number": entry.index_number, "late": late, "override_reason": override_reason or None})
    return entry


def _unified_code() -> str:
    code = current_site().unified_code
    if not code:
        raise Conflict("网站信息未填写统一社会信用代码，无法生成索引号。", code="no_unified_code")
    return code


def publish_scheduled(now: datetime | None = None) -> int:
    """Publish approved entries whose scheduled time has come (a periodic job; also a command)."""
    now = now or timezone.now()
    done = 0
    for pk in Entry.objects.filter(status=Entry.APPROVED, scheduled_for__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            entry = Entry.objects.select_for_update().get(pk=pk)
            if entry.status == Entry.APPROVED and entry.scheduled_for and entry.scheduled_for <= now:
                _publish_now(entry, None, entry.scheduled_override, ledger_override=False)
                done += 1
    return done


@transaction.atomic
def do_withdraw(actor: Any, entry: Entry, reason: str, *, replace: bool = False) -> Entry:
    """Withdraw a published entry with a reason; the catalog keeps it (its page says it was
    withdrawn, and why). ``replace``: also start a new draft that will replace it."""
    entry = _locked(entry)
    require(actor, "catalog.withdraw", entry)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("请填写撤回理由。", fields={"reason": "请填写撤回理由"})
    before = entry.status
    entry.status = TABLE.target("withdraw", before)
    entry.withdrawn_reason, entry.withdrawn_at = reason, timezone.now()
    replacement = None
    if replace:
        replacement = Entry.objects.create(
            title=entry.title, publisher=entry.publisher, department=entry.department,
            disclosure_mode=entry.disclosure_mode, disclosure_attribute=entry.disclosure_attribute,
            category=entry.category, section=entry.section, document_number=entry.document_number,
            body=entry.body, redacted_body=entry.redacted_body, validity=entry.validity,
            repost_source=entry.repost_source, repost_at=entry.repost_at, repost_url=entry.repost_url,
            created_by=actor,
        )
        entry.replaced_by = replacement
        record(replacement, "drafted", actor=actor, to_state=Entry.DRAFT, note=f"替换已撤回的 {entry.index_number}")
    entry.save()
    search.unindex_entry(entry)
    transaction.on_commit(selectors.catalog_changed)
    record(entry, "withdrawn", actor=actor, from_state=before, to_state=entry.status, public=True,
           note=f"撤回：{reason}", data={"replacement": replacement.pk if replacement else None})
    return replacement or entry


@transaction.atomic
def do_set_validity(actor: Any, entry: Entry, validity: str) -> Entry:
    """Mark a published entry 现行有效 / 已修改 / 已废止."""
    entry = _locked(entry)
    require(actor, "catalog.withdraw", entry)
    if validity not in dict(Entry.VALIDITIES):
        raise InvalidInput("效力应为 valid、amended 或 repealed。", fields={"validity": "取值不在允许范围内"})
    before, before_label = entry.validity, entry.get_validity_display()
    entry.validity = validity
    entry.save(update_fields=["validity", "updated_at"])
    # from/to name the validity, so the annual report can count documents repealed in a year.
    record(entry, "validity_changed", actor=actor, from_state=before, to_state=validity,
           note=f"效力由“{before_label}”改为“{entry.get_validity_display()}”", public=True)
    return entry


@transaction.atomic
def do_import_entry(*, index_number: str, title: str, publisher: str, published_on: date, section: Section,
                    category: Category, body: str, document_number: str = "",
                    disclosure_mode: str = Entry.PROACTIVE, validity: str = Entry.VALID,
                    repost_source: str = "", repost_url: str = "", repost_at: datetime | None = None,
                    actor: Any = None) -> Entry:
    """Bring an entry published before this system into the catalog; it keeps its own index number."""
    if Entry.objects.filter(index_number=index_number).exists():
        raise Conflict(f"索引号 {index_number} 已存在。", code="duplicate_index_number")
    entry = Entry.objects.create(
        index_number=index_number, title=title, publisher=publisher, department=section.department,
        published_on=published_on, disclosure_mode=disclosure_mode, category=category, section=section,
        document_number=document_number, body=sanitize_body(body), validity=validity, status=Entry.PUBLISHED,
        repost_source=repost_source, repost_url=repost_url, repost_at=repost_at, imported=True, created_by=actor,
    )
    search.index_entry(entry)
    transaction.on_commit(selectors.catalog_changed)
    record(entry, "imported", actor=actor, to_state=Entry.PUBLISHED, note=f"导入存量信息，索引号 {index_number}")
    return entry


@transaction.atomic
def reserve_index_numbers(year: int, count: int) -> list[str]:
    """``count`` consecutive index numbers of ``year`` for bulk loaders (demo data, benchmarks),
    taken from the same counter as ``next_number`` so that no number is ever handed out twice."""
    from django.db.models import F

    from zwgk.core.models import Counter, NumberPattern

    pattern = NumberPattern.objects.get(pk="catalog").pattern
    Counter.objects.get_or_create(kind="catalog", year=year)
    Counter.objects.filter(kind="catalog", year=year).update(value=F("value") + count)
    end = Counter.objects.select_for_update().get(kind="catalog", year=year).value
    code = _unified_code()
    return [pattern.format(year=year, serial=serial, unified_code=code) for serial in range(end - count + 1, end + 1)]
