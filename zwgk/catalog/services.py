"""Writes on the disclosure catalog: drafting, the pre-publication scan, content and secrecy review,
publication, withdrawal, validity, imports, and the upkeep of sections. One ``do_<action>`` per
action, registered in ``ACTIONS`` (``zwgk.core.actions``): the registry runs it in a transaction
on the entry re-read under ``select_for_update``, its guard asks ``TABLE`` for the target state and
``org.permissions`` for the right, and every change writes an event (DESIGN.md principle 4).

Art. 4: content review and secrecy review before anything is published, recorded in the review
ledger (审核审查台账); what the reviewer cannot decide goes to the secrecy office (厅保密办), whose
decision is final for the system (a consultation of a higher secrecy office is recorded with it).
Only the secrecy office or the office head may publish over the scan's findings, naming each
finding they accept. Art. 5, 26: the disclosure attribute (此件公开发布 / 此件删减后公开 / 此件不予公开)
is set when drafting; a redacted entry publishes only its redacted body and the redacted version of
each attachment. What may be published is published within the publication limit (5 working days
by default) counted from approval. Art. 25: each section is kept by one department. Art. 39:
reposts carry their source site, time and link.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

import nh3
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from pydantic import Field

from zwgk.catalog import external_links, search, selectors
from zwgk.catalog.attachments import check as check_attachment
from zwgk.catalog.models import (
    Attachment,
    Category,
    DisclosureAttribute,
    DisclosureMode,
    Entry,
    EntryEvent,
    EntryStatus,
    ReviewDecision,
    ReviewRecord,
    ReviewStage,
    Section,
    SensitiveWord,
    SensitiveWordEvent,
    Validity,
)
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import Conflict, Forbidden, InvalidInput
from zwgk.core.models import current_site
from zwgk.core.numbering import next_number
from zwgk.core.transitions import TransitionRefused, TransitionTable
from zwgk.core.validation import StrictSchema
from zwgk.events.services import record
from zwgk.org.models import Department
from zwgk.org.permissions import can, require
from zwgk.privacy.detect import KIND_LABELS as PRIVACY_KIND_LABELS
from zwgk.workdays import services as workdays

S = EntryStatus
TABLE = TransitionTable.build(
    [
        ("edit", [S.DRAFT], None),
        ("attach", [S.DRAFT], None),
        ("remove_attachment", [S.DRAFT], None),
        ("submit", [S.DRAFT], S.IN_REVIEW),
        # the review's decision names the state reached; only the head may refer to the secrecy office
        ("review", [S.IN_REVIEW, S.SECRECY_REVIEW], (S.APPROVED, S.DRAFT, S.SECRECY_REVIEW)),
        # published now, or kept approved with a time set for its publication
        ("publish", [S.APPROVED], (S.PUBLISHED, S.APPROVED)),
        ("withdraw", [S.PUBLISHED], S.WITHDRAWN),
        ("set_validity", [S.PUBLISHED], None),
    ],
    state_labels=dict(EntryStatus.choices),
    action_labels={
        "edit": "修改", "attach": "添加附件", "remove_attachment": "删除附件", "submit": "提交审核",
        "review": "审核", "publish": "发布", "withdraw": "撤回", "set_validity": "标记效力",
    },
)
NEW = ""  # the state of an entry that does not exist yet
# How entries come into being: a draft, or an import of an entry published before this system.
ORIGINS = TransitionTable.build(
    [("create_draft", [NEW], S.DRAFT), ("import_entry", [NEW], S.PUBLISHED)],
    state_labels={NEW: "新建"}, action_labels={"create_draft": "起草", "import_entry": "导入存量信息"},
)
ACTIONS = ActionRegistry(TABLE)
REVIEW_TARGETS = {ReviewDecision.APPROVE: S.APPROVED, ReviewDecision.RETURN: S.DRAFT,
                  ReviewDecision.REFER_SECRECY: S.SECRECY_REVIEW}
ReviewChoice = Literal["approve", "return", "refer_secrecy"]  # the keys of REVIEW_TARGETS (a test checks)
RIGHTS = {"edit": "catalog.edit", "attach": "catalog.edit", "remove_attachment": "catalog.edit",
          "submit": "catalog.submit", "review": "catalog.review", "publish": "catalog.publish",
          "withdraw": "catalog.withdraw", "set_validity": "catalog.withdraw"}


def right(action: str, entry: Entry) -> str:
    """The permission rule an action on ``entry`` needs: publishing over the scan's findings needs
    ``catalog.override_scan`` (Art. 4)."""
    if action == "publish" and entry.scan_findings:
        return "catalog.override_scan"
    return RIGHTS[action]


def allowed_actions(entry: Entry, user: Any) -> list[str]:
    """What ``user`` may do with ``entry`` now: the table's actions from its state, by right."""
    return [a for a in TABLE.allowed(entry.status) if can(user, right(a, entry), entry)]


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


class DraftBody(StrictSchema):
    """A draft's fields, as the API's ``POST /catalog/drafts`` and the workbench's form send them."""

    title: str
    section: str = Field(description="栏目代码")
    category: str = Field(description="主动公开类别代码（第八条）")
    body: str = ""
    disclosure_attribute: DisclosureAttribute
    document_number: str | None = None
    redacted_body: str | None = None
    disclosure_mode: DisclosureMode = DisclosureMode.PROACTIVE
    publisher: str | None = None
    validity: Validity = Validity.VALID
    repost_source: str | None = None
    repost_url: str | None = None
    repost_at: datetime | None = None
    central_document: bool = Field(False, description="中央文件、国务院文件（第三十九条：只能从授权来源转载）")


def _section_and_category(section: str, category: str) -> tuple[Section, Category]:
    found_section = Section.objects.select_related("department").filter(code=section).first()
    found_category = Category.objects.filter(code=category).first()
    errors = {}
    if found_section is None:
        errors["section"] = "没有这个栏目"
    if found_category is None:
        errors["category"] = "没有这个类别"
    if errors:
        raise InvalidInput("栏目或类别有误。", fields=errors)
    return found_section, found_category


def _draft_fields(department: Department, section: Section, category: Category, **data: Any) -> dict[str, Any]:
    """The model fields of a draft, checked; every error names its field."""
    errors: dict[str, str] = {}
    title = (data.get("title") or "").strip()
    attribute = data.get("disclosure_attribute") or Entry.PUBLIC
    if not title:
        errors["title"] = "请填写信息名称"
    elif len(title) > 300:
        errors["title"] = "信息名称不超过300字"
    body = sanitize_body(data.get("body") or "")
    redacted = sanitize_body(data.get("redacted_body") or "")
    if attribute == Entry.REDACTED and not search.plain_text(redacted).strip():
        errors["redacted_body"] = "此件删减后公开：请填写删减后对外发布的正文"
    names = publisher_names(department)
    publisher = (data.get("publisher") or "").strip() or names[0]
    if publisher not in names:
        errors["publisher"] = "发布机构应为" + "或".join(names)
    source, url = (data.get("repost_source") or "").strip(), (data.get("repost_url") or "").strip()
    if (source or url) and not (source and url):
        errors["repost_source" if not source else "repost_url"] = "转载须同时标注转载来源网站和转载链接（第三十九条）"
    if url and not url.startswith(("http://", "https://")):
        errors["repost_url"] = "转载链接应以 http:// 或 https:// 开头"
    central = bool(data.get("central_document"))
    if central and "repost_url" not in errors:
        problem = external_links.central_source_problem(url)
        if problem:
            errors["repost_url"] = problem
    if errors:
        raise InvalidInput("草稿内容有误：" + "；".join(errors.values()) + "。", fields=errors)
    repost_at = data.get("repost_at")
    if (source or url) and repost_at is None:
        repost_at = timezone.now()
    return {
        "title": title, "section": section, "category": category, "body": body,
        "redacted_body": redacted if attribute == Entry.REDACTED else "",
        "disclosure_attribute": attribute, "disclosure_mode": data.get("disclosure_mode") or Entry.PROACTIVE,
        "document_number": (data.get("document_number") or "").strip()[:100], "publisher": publisher,
        "validity": data.get("validity") or Entry.VALID, "repost_source": source[:200],
        "repost_url": url[:500], "repost_at": repost_at, "central_document": central,
    }


@transaction.atomic
def do_create_draft(*, actor: Any, **fields: Any) -> Entry:
    """A handler drafts an entry for a section the responsibility table gives their department
    (Art. 25). ``fields``: those of ``DraftBody``, already validated by it."""
    require(actor, "catalog.draft")
    section, category = _section_and_category(fields.pop("section"), fields.pop("category"))
    if not can(actor, "catalog.draft", section):
        raise Forbidden("只能为本部门维护的栏目起草信息（第二十五条）。", fields={"section": "栏目不属于本部门"})
    values = _draft_fields(section.department, section, category, **fields)
    status = ORIGINS.target("create_draft", NEW)
    entry = Entry.objects.create(department=section.department, created_by=actor, status=status, **values)
    record(entry, EntryEvent.DRAFTED, actor=actor, to_state=status, note=f"起草：{entry.title}")
    return entry


def check_edit(entry: Entry, *, actor: Any, action: str = "edit") -> str:
    target = TABLE.target(action, entry.status)
    require(actor, right(action, entry), entry)
    return target


@ACTIONS.action(DraftBody)
def do_edit(entry: Entry, *, actor: Any, section: str, category: str, **fields: Any) -> Entry:
    """Change a draft (the fields of ``DraftBody``); the scan runs again at the next submission."""
    check_edit(entry, actor=actor)
    found_section, found_category = _section_and_category(section, category)
    if found_section.department_id != entry.department_id:
        raise InvalidInput("栏目应属本部门维护。", fields={"section": "栏目不属于本部门"})
    for name, value in _draft_fields(entry.department, found_section, found_category, **fields).items():
        setattr(entry, name, value)
    entry.scan_findings, entry.scanned_at = [], None
    entry.save()
    record(entry, EntryEvent.DRAFT_CHANGED, actor=actor, note="修改草稿")
    return entry


class AttachBody(StrictSchema):
    name: str
    data: bytes
    redacted_of: int | None = Field(None, description="此件删减后公开：本文件是哪个原件（附件编号）的删减版本")


@ACTIONS.action(AttachBody)
def do_attach(entry: Entry, *, actor: Any, name: str, data: bytes, redacted_of: int | None = None) -> Attachment:
    """Attach a PDF, DOCX, XLSX or image (checked by content and size) to a draft. For 此件删减后公开
    (Art. 5, 26) ``redacted_of`` names the original this file is the redacted version of: only the
    redacted versions are ever published."""
    check_edit(entry, actor=actor, action="attach")
    original = None
    if redacted_of is not None:
        if entry.disclosure_attribute != Entry.REDACTED:
            raise InvalidInput("只有公开属性为“此件删减后公开”的信息才上传附件的删减版本。",
                               fields={"redacted_of": "本信息不是此件删减后公开"})
        original = entry.attachments.filter(pk=redacted_of, redacted_of__isnull=True).first()
        if original is None:
            raise InvalidInput("没有这个原件。", fields={"redacted_of": "本信息没有这个原件附件"})
        if Attachment.objects.filter(redacted_of=original).exists():
            raise Conflict(f"附件“{original.name}”已有删减版本，请先删除原删减版本。",
                           code="redacted_version_exists", fields={"redacted_of": "已有删减版本"})
    return _add_attachment(entry, actor, name, data, original)


def _add_attachment(entry: Entry, actor: Any, name: str, data: bytes, original: Attachment | None = None
                    ) -> Attachment:
    checked = check_attachment(name, data)
    attachment = Attachment(
        entry=entry, name=checked.name, content_type=checked.content_type, size=checked.size,
        sha256=checked.sha256, text=checked.text, order=entry.attachments.count(), redacted_of=original,
    )
    attachment.file.save(checked.name, ContentFile(data), save=False)
    try:
        attachment.save()
        entry.scan_findings, entry.scanned_at = [], None
        entry.save(update_fields=["scan_findings", "scanned_at", "updated_at"])
        note = f"添加附件：{checked.name}" + (f"（“{original.name}”的删减版本）" if original else "")
        record(entry, EntryEvent.ATTACHMENT_ADDED, actor=actor, note=note,
               data={"sha256": checked.sha256, "size": checked.size, "redacted_of": original.pk if original else None})
    except BaseException:  # nothing half-stored (issue 11): no file on disk without its row
        attachment.file.delete(save=False)
        raise
    return attachment


class RemoveAttachmentBody(StrictSchema):
    attachment: int


@ACTIONS.action(RemoveAttachmentBody)
def do_remove_attachment(entry: Entry, *, actor: Any, attachment: int) -> Entry:
    """Remove an attachment of a draft (an original goes with its redacted version)."""
    check_edit(entry, actor=actor, action="remove_attachment")
    found = entry.attachments.filter(pk=attachment).first()
    if found is None:
        raise InvalidInput("没有这个附件。", fields={"attachment": "本信息没有这个附件"})
    for gone in [*Attachment.objects.filter(redacted_of=found), found]:
        record(entry, EntryEvent.ATTACHMENT_REMOVED, actor=actor, note=f"删除附件：{gone.name}")
        gone.file.delete(save=False)
        gone.delete()
    return entry


# -- the pre-publication scan (Art. 4) -----------------------------------------------------------------


KIND_LABELS = {**PRIVACY_KIND_LABELS, "sensitive_word": "敏感词"}


def sensitive_words() -> list[str]:
    return list(SensitiveWord.objects.filter(active=True).values_list("word", flat=True))


def finding_id(finding: dict[str, Any]) -> str:
    """The name an override gives a finding: where it is and its place in that text."""
    return finding.get("id") or f"{finding.get('source')}:{finding.get('start')}-{finding.get('end')}"


def scan_entry(entry: Entry) -> list[dict[str, Any]]:
    """What the scan finds in what would be published: the title, the public body and the public
    attachments (for 此件删减后公开 the redacted versions). Each finding: id, kind, excerpt (masked),
    source (where), start/end (offsets in that text)."""
    from zwgk.privacy.scan import excerpt, scan_for_publication

    words = sensitive_words()
    texts = [("title", "信息名称", entry.title), ("body", "正文", search.plain_text(entry.public_body))]
    texts += [(f"attachment:{a.pk}", f"附件：{a.name}", a.text) for a in selectors.public_attachments(entry) if a.text]
    found = []
    for source, label, text in texts:
        for finding in scan_for_publication(text or "", words):
            found.append({
                "id": f"{source}:{finding.start}-{finding.end}",
                "kind": finding.kind, "label": KIND_LABELS.get(finding.kind, finding.kind),
                "excerpt": excerpt(text, finding), "source": source, "where": label,
                "start": finding.start, "end": finding.end,
            })
    return found


# -- the review flow ---------------------------------------------------------------------------------


class SubmitBody(StrictSchema):
    pass


@ACTIONS.action(SubmitBody)
def do_submit(entry: Entry, *, actor: Any) -> Entry:
    """Send a draft to the department head for content and secrecy review; the scan runs now."""
    target = TABLE.target("submit", entry.status)
    require(actor, right("submit", entry), entry)
    return _submit(entry, actor, target)


def _submit(entry: Entry, actor: Any, target: str) -> Entry:
    before = entry.status
    entry.status = target
    entry.scan_findings = scan_entry(entry)
    entry.scanned_at = timezone.now()
    entry.save()
    found = len(entry.scan_findings)
    note = f"提交审核；发布前检查发现{found}处提示" if found else "提交审核；发布前检查未发现问题"
    requested = external_links.request_links(entry, actor=actor)
    pending = external_links.unapproved(entry)
    if pending:
        note += f"；{len(pending)}个外部链接待批准（第四十条）"
    record(entry, EntryEvent.SUBMITTED, actor=actor, from_state=before, to_state=entry.status, note=note,
           data={"findings": found, "external_links": sorted(pending), "requested": [r.host for r in requested]})
    return entry


def _ledger(entry: Entry, actor: Any, stage: str, decision: str, opinion: str, secret: bool = False,
            higher_office: str = "", accepted: list[dict[str, Any]] | None = None) -> ReviewRecord:
    department = getattr(actor, "department", None)
    return ReviewRecord.objects.create(
        entry=entry, item=entry.title, stage=stage, reviewer=actor,
        reviewer_name=getattr(actor, "display_name", "") or "系统",
        department_name=department.name if department else "",
        reviewed_on=timezone.localdate(), opinion=opinion, secret=secret, decision=decision,
        higher_office=higher_office[:300], findings=len(entry.scan_findings or []), accepted_findings=accepted or [],
    )


class ReviewBody(StrictSchema):
    decision: ReviewChoice
    secret: bool = False
    opinion: str = ""
    higher_office: str = ""


def check_review(entry: Entry, *, actor: Any, decision: str) -> str:
    """The state the decision reaches; the secrecy office's decision is final (no second referral)."""
    target = TABLE.target("review", entry.status, to=REVIEW_TARGETS[decision])
    if entry.status == Entry.SECRECY_REVIEW and decision == ReviewDecision.REFER_SECRECY:
        raise TransitionRefused("review", entry.status, "厅保密办的审查结论为最终结论，不能再次提交厅保密办审查。")
    require(actor, right("review", entry), entry)
    return target


@ACTIONS.action(ReviewBody)
def do_review(entry: Entry, *, actor: Any, decision: str, secret: bool = False, opinion: str = "",
              higher_office: str = "") -> Entry:
    """Content and secrecy review by the department head, or the secrecy office's decision when
    referred (Art. 4). Each review is a ledger row. ``higher_office``: when the secrecy office asked
    a higher secrecy office, what it asked and was told (recorded; the decision here is final)."""
    target = check_review(entry, actor=actor, decision=decision)
    opinion = (opinion or "").strip()
    if decision == ReviewDecision.APPROVE and secret:
        raise InvalidInput("认定涉密的信息不得同意公开，请退回。", fields={"secret": "涉密信息不得公开"})
    if decision == ReviewDecision.APPROVE and entry.disclosure_attribute == Entry.NOT_PUBLIC:
        raise InvalidInput("公开属性为“此件不予公开”的信息不能同意公开。", fields={"decision": "此件不予公开"})
    if decision != ReviewDecision.APPROVE and not opinion:
        raise InvalidInput("退回或提交保密审查时请填写审核意见。", fields={"opinion": "请填写审核意见"})
    before = entry.status
    stage = ReviewStage.SECRECY if before == Entry.SECRECY_REVIEW else ReviewStage.CONTENT
    if higher_office and stage != ReviewStage.SECRECY:
        raise InvalidInput("报上级保密部门审定的情况由厅保密办填写。", fields={"higher_office": "仅限厅保密办"})
    entry.status = target
    if decision == ReviewDecision.APPROVE:
        workdays.set_due(entry, timezone.localdate(), workdays.limit("publication"))
    elif decision == ReviewDecision.RETURN:
        workdays.clear_due(entry)
    entry.save()
    row = _ledger(entry, actor, stage, decision, opinion, secret, higher_office)
    record(entry, EntryEvent(f"review_{decision}"), actor=actor, from_state=before, to_state=entry.status,
           note=f"{row.get_stage_display()}：{row.get_decision_display()}" + (f"。{opinion}" if opinion else ""),
           data={"ledger": row.pk, "secret": secret, "due_on": str(entry.due_on) if entry.due_on else None})
    return entry


class PublishBody(StrictSchema):
    override_reason: str | None = Field(
        None, description="放行理由：发布前检查有提示时，由厅保密办或政务公开办公室负责人填写")
    accepted_findings: list[str] = Field(
        default_factory=list, description="逐项确认放行的检查提示编号（scan[].id）")
    scheduled_for: datetime | None = None


def _check_publishable(entry: Entry) -> None:
    if entry.disclosure_attribute == Entry.NOT_PUBLIC:
        raise Conflict("公开属性为“此件不予公开”，不能发布。", code="not_public")
    external_links.check_central_source(entry)  # Art. 39
    external_links.check_links_approved(entry)  # Art. 40
    if entry.disclosure_attribute == Entry.REDACTED:
        missing = [a.name for a in entry.attachments.filter(redacted_of__isnull=True, redacted_version__isnull=True)]
        if missing:
            raise Conflict(
                "此件删减后公开：附件" + "、".join(f"“{n}”" for n in missing)
                + "尚无删减版本，不能发布（第五条、第二十六条）。",
                code="redaction_missing", fields={"attachments": "每个附件须先上传删减版本"},
            )


def check_publish(entry: Entry, *, actor: Any, later: bool, override_reason: str) -> str:
    """Who may publish (Art. 4): the department's handler or head, unless the scan found something;
    then only the secrecy office or the office head, never the drafting department."""
    target = TABLE.target("publish", entry.status, to=Entry.APPROVED if later else Entry.PUBLISHED)
    if not entry.scan_findings:
        require(actor, right("publish", entry), entry)
        return target
    if not override_reason:
        raise Conflict(
            f"发布前检查发现{len(entry.scan_findings)}处可能不宜公开的内容，请修改后重新提交，"
            "或由厅保密办、政务公开办公室负责人逐项确认并填写放行理由（override_reason）后发布。",
            code="scan_findings", fields={"override_reason": "检查有提示时必须填写放行理由"},
        )
    if not can(actor, right("publish", entry), entry):
        require(actor, "catalog.view", entry)  # a stranger to the entry learns nothing more
        raise Forbidden("发布前检查有提示的信息，只有厅保密办或政务公开办公室负责人可以确认放行（第四条）。",
                        fields={"override_reason": "起草部门不能放行检查提示"})
    return target


def _accepted(entry: Entry, accepted_findings: list[str]) -> list[dict[str, Any]]:
    """The findings the override names: every one of them, and no other."""
    by_id = {finding_id(f): f for f in entry.scan_findings}
    unknown = [i for i in accepted_findings if i not in by_id]
    if unknown:
        raise InvalidInput("没有这些检查提示：" + "、".join(unknown) + "。",
                           fields={"accepted_findings": "含有不存在的检查提示编号"})
    missing = [f"{f.get('label', f['kind'])}（{f['excerpt']}）" for i, f in by_id.items() if i not in accepted_findings]
    if missing:
        raise InvalidInput("放行须逐项确认每一处检查提示，尚未确认：" + "；".join(missing) + "。",
                           fields={"accepted_findings": f"尚有{len(missing)}处检查提示未确认"})
    return [{"id": i, "kind": f["kind"], "excerpt": f["excerpt"], "where": f.get("where", "")}
            for i, f in by_id.items()]


@ACTIONS.action(PublishBody)
def do_publish(entry: Entry, *, actor: Any, override_reason: str | None = None,
               accepted_findings: list[str] | None = None, scheduled_for: datetime | None = None) -> Entry:
    """Publish an approved entry now, or set the time of its publication (Art. 26). The index number
    is made at publication, from the pattern kept as data (kind "catalog"). Over the scan's findings
    only with an override that names each of them (Art. 4), recorded in the ledger."""
    if scheduled_for is not None and timezone.is_naive(scheduled_for):
        scheduled_for = timezone.make_aware(scheduled_for)
    later = scheduled_for is not None and scheduled_for > timezone.now()
    override_reason = (override_reason or "").strip()
    target = check_publish(entry, actor=actor, later=later, override_reason=override_reason)
    _check_publishable(entry)
    if entry.scan_findings:
        accepted = _accepted(entry, list(accepted_findings or []))
        _ledger(entry, actor, ReviewStage.PUBLISH, ReviewDecision.OVERRIDE, override_reason, accepted=accepted)
        record(entry, EntryEvent.SCAN_OVERRIDDEN, actor=actor,
               note=f"确认放行{len(accepted)}处检查提示：{override_reason}",
               data={"override_reason": override_reason, "accepted_findings": accepted})
    if target == Entry.APPROVED:
        entry.scheduled_for, entry.scheduled_override = scheduled_for, override_reason
        entry.save(update_fields=["scheduled_for", "scheduled_override", "updated_at"])
        record(entry, EntryEvent.SCHEDULED, actor=actor,
               note=f"定时发布：{timezone.localtime(scheduled_for):%Y-%m-%d %H:%M}")
        return entry
    return _publish_now(entry, actor, override_reason)


def _publish_now(entry: Entry, actor: Any, override_reason: str) -> Entry:
    before = entry.status
    target = TABLE.target("publish", before, to=Entry.PUBLISHED)
    _check_publishable(entry)
    today = timezone.localdate()
    if not entry.index_number:
        entry.index_number = next_number("catalog", today.year, unified_code=_unified_code())
    entry.status, entry.published_on, entry.scheduled_for = target, today, None
    entry.save()
    search.index_entry(entry)
    transaction.on_commit(selectors.catalog_changed)
    late = entry.due_on is not None and today > entry.due_on
    record(entry, EntryEvent.PUBLISHED, actor=actor, from_state=before, to_state=target, public=True,
           note=f"发布，索引号 {entry.index_number}" + ("（超过发布时限）" if late else ""),
           data={"index_number": entry.index_number, "late": late, "override_reason": override_reason or None})
    return entry


def _unified_code() -> str:
    code = current_site().unified_code
    if not code:
        raise Conflict("网站信息未填写统一社会信用代码，无法生成索引号。", code="no_unified_code")
    return code


def publish_scheduled(now: datetime | None = None) -> int:
    """Publish approved entries whose scheduled time has come (a periodic job; also a command). The
    rights and any override were checked, and recorded, when the time was set."""
    now = now or timezone.now()
    done = 0
    for pk in Entry.objects.filter(status=Entry.APPROVED, scheduled_for__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            entry = Entry.objects.select_for_update().get(pk=pk)
            if entry.status == Entry.APPROVED and entry.scheduled_for and entry.scheduled_for <= now:
                try:
                    _publish_now(entry, None, entry.scheduled_override)
                except Conflict:  # e.g. an external link still awaiting approval (Art. 40): next run
                    continue
                done += 1
    return done


class WithdrawBody(StrictSchema):
    reason: str
    replace: bool = False


@ACTIONS.action(WithdrawBody)
def do_withdraw(entry: Entry, *, actor: Any, reason: str, replace: bool = False) -> Entry:
    """Withdraw a published entry with a reason; the catalog keeps it (its page says it was
    withdrawn, and why). ``replace``: also start a new draft that will replace it (returned)."""
    target = TABLE.target("withdraw", entry.status)
    require(actor, right("withdraw", entry), entry)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("请填写撤回理由。", fields={"reason": "请填写撤回理由"})
    before = entry.status
    entry.status = target
    entry.withdrawn_reason, entry.withdrawn_at = reason, timezone.now()
    replacement = None
    if replace:
        replacement = Entry.objects.create(
            title=entry.title, publisher=entry.publisher, department=entry.department,
            disclosure_mode=entry.disclosure_mode, disclosure_attribute=entry.disclosure_attribute,
            category=entry.category, section=entry.section, document_number=entry.document_number,
            body=entry.body, redacted_body=entry.redacted_body, validity=entry.validity,
            repost_source=entry.repost_source, repost_at=entry.repost_at, repost_url=entry.repost_url,
            central_document=entry.central_document, created_by=actor, status=ORIGINS.target("create_draft", NEW),
        )
        entry.replaced_by = replacement
        record(replacement, EntryEvent.DRAFTED, actor=actor, to_state=replacement.status,
               note=f"替换已撤回的 {entry.index_number}")
    entry.save()
    search.unindex_entry(entry)
    transaction.on_commit(selectors.catalog_changed)
    record(entry, EntryEvent.WITHDRAWN, actor=actor, from_state=before, to_state=entry.status, public=True,
           note=f"撤回：{reason}", data={"replacement": replacement.pk if replacement else None})
    return replacement or entry


class ValidityBody(StrictSchema):
    validity: Validity


@ACTIONS.action(ValidityBody)
def do_set_validity(entry: Entry, *, actor: Any, validity: str) -> Entry:
    """Mark a published entry 现行有效 / 已修改 / 已废止; the event is what the annual report counts
    (documents repealed in a year), so validity changes only here."""
    TABLE.target("set_validity", entry.status)
    require(actor, right("set_validity", entry), entry)
    before, before_label = entry.validity, entry.get_validity_display()
    entry.validity = validity
    entry.save(update_fields=["validity", "updated_at"])
    # from/to name the validity, so the annual report can count documents repealed in a year.
    record(entry, EntryEvent.VALIDITY_CHANGED, actor=actor, from_state=before, to_state=validity,
           note=f"效力由“{before_label}”改为“{entry.get_validity_display()}”", public=True)
    return entry


@transaction.atomic
def do_import_entry(*, actor: Any, index_number: str, title: str, publisher: str, published_on: date,
                    section: Section, category: Category, body: str, document_number: str = "",
                    disclosure_mode: str = Entry.PROACTIVE, validity: str = Entry.VALID,
                    repost_source: str = "", repost_url: str = "", repost_at: datetime | None = None) -> Entry:
    """Bring an entry published before this system into the catalog; it keeps its own index number.
    The office, or a handler of the section's department, may (Art. 25)."""
    require(actor, "catalog.import", section)
    status = ORIGINS.target("import_entry", NEW)
    if Entry.objects.filter(index_number=index_number).exists():
        raise Conflict(f"索引号 {index_number} 已存在。", code="duplicate_index_number")
    entry = Entry.objects.create(
        index_number=index_number, title=title, publisher=publisher, department=section.department,
        published_on=published_on, disclosure_mode=disclosure_mode, category=category, section=section,
        document_number=document_number, body=sanitize_body(body), validity=validity, status=status,
        repost_source=repost_source, repost_url=repost_url, repost_at=repost_at, imported=True, created_by=actor,
    )
    search.index_entry(entry)
    transaction.on_commit(selectors.catalog_changed)
    record(entry, EntryEvent.IMPORTED, actor=actor, to_state=status, note=f"导入存量信息，索引号 {index_number}")
    return entry


@transaction.atomic
def do_save_sensitive_word(word: SensitiveWord, *, actor: Any) -> SensitiveWord:
    """Add or change a word the scan flags (Art. 4); the list is data the office keeps."""
    require(actor, "catalog.manage_words")
    created = word.pk is None
    word.full_clean()
    word.save()
    record(word, SensitiveWordEvent.ADDED if created else SensitiveWordEvent.CHANGED, actor=actor,
           note=f"{'添加' if created else '修改'}敏感词：{word.word}" + ("" if word.active else "（停用）"))
    return word


@transaction.atomic
def do_delete_sensitive_word(word: SensitiveWord, *, actor: Any) -> None:
    require(actor, "catalog.manage_words")
    record(word, SensitiveWordEvent.REMOVED, actor=actor, note=f"删除敏感词：{word.word}")
    word.delete()


# -- sections (Art. 25) ---------------------------------------------------------------------------------


@transaction.atomic
def do_assign_section(section: Section, *, actor: Any, department: Department) -> Section:
    """Give the upkeep of ``section`` to ``department`` (Art. 25)."""
    require(actor, "org.manage")
    before = section.department
    if before == department:
        return section
    section.department = department
    section.save(update_fields=["department"])
    record(section, "section_assigned", actor=actor, note=f"维护部门由{before}改为{department}",
           data={"from": before.code, "to": department.code})
    return section


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


# -- the annual report's section (条例 Art. 49) --------------------------------------------------------

ANNUAL_REPORT_SECTION = "annual_reports"  # 政府信息公开年报 (annex 4)
ANNUAL_REPORT_CATEGORY = "statistics"


@transaction.atomic
def submit_annual_report(*, actor: Any, title: str, body: str, files: list[tuple[str, bytes]],
                         entry: Entry | None = None) -> Entry:
    """The annual report enters the normal publishing review (条例 Art. 49; Art. 4 here): a draft in
    the annual-report section, or the same entry again once the review returned it, with ``body`` and
    ``files`` (the report's DOCX and XLSX) replacing what it had, submitted to the department head's
    content and secrecy review; publication is then the catalog's own. The caller holds the right
    to publish the report (the office head); the review and the publication are by their own rights."""
    if entry is None:
        section, category = _section_and_category(ANNUAL_REPORT_SECTION, ANNUAL_REPORT_CATEGORY)
        values = _draft_fields(section.department, section, category, title=title, body=body)
        status = ORIGINS.target("create_draft", NEW)
        entry = Entry.objects.create(department=section.department, created_by=actor, status=status, **values)
        record(entry, EntryEvent.DRAFTED, actor=actor, to_state=status, note=f"起草：{entry.title}")
    else:
        TABLE.target("edit", entry.status)
        values = _draft_fields(entry.department, entry.section, entry.category, title=title, body=body)
        entry.title, entry.body = values["title"], values["body"]
        entry.save()
        record(entry, EntryEvent.DRAFT_CHANGED, actor=actor, note="更新年度报告正文")
        for gone in entry.attachments.all():
            record(entry, EntryEvent.ATTACHMENT_REMOVED, actor=actor, note=f"删除附件：{gone.name}")
            gone.file.delete(save=False)
            gone.delete()
    for name, data in files:
        _add_attachment(entry, actor, name, data)
    return _submit(entry, actor, TABLE.target("submit", entry.status))

