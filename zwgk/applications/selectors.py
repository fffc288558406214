"""Reads on applications: lookups with the 404 rule, the workbench queues, the clock as shown,
the citizen's view, and possible duplicates (Art. 16 (六))."""

from __future__ import annotations

import difflib
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.utils import timezone

from zwgk.applications.models import Application, Contest, ReplyAttachment, ThirdPartyConsultation
from zwgk.applications.rules import fits_stage, is_lead, is_office
from zwgk.applications.schemas import ApplicationListQuery
from zwgk.core import case_lists, query_codes
from zwgk.core.errors import NotFound
from zwgk.events.models import Event
from zwgk.events.services import event_label
from zwgk.org.permissions import can, get_for
from zwgk.workdays import services as workdays

QUEUES = [
    ("mine", "我的待办"),
    ("department", "本部门"),
    ("intake", "办公室初审"),
    ("due_soon", "即将到期"),
    ("overdue", "已超期"),
    ("paused", "暂停计时"),
    ("all", "全部"),
]
def for_staff(user: Any, number: str) -> Application:
    """The application if ``user`` may see it, else 404 (DESIGN.md: not 403)."""
    return get_for(user, Application.objects.select_related("lead_department"), "application.view", number=number)


def for_citizen(number: str, query_code: str | None) -> Application:
    """Number and query code together open the status; a wrong code is 404 like a wrong number."""
    application = Application.objects.select_related("lead_department").filter(number=number).first()
    if application is None or not query_codes.query_code_matches(application.query_code_hash, query_code):
        raise NotFound("未找到该申请，请核对申请编号和查询码。")
    return application


def issued_attachment(application: Application, attachment_id: int) -> ReplyAttachment:
    """A reply attachment the applicant may download: one listed by a letter already issued to them."""
    attachment = application.reply_attachments.filter(pk=attachment_id, letter__public=True).first()
    if attachment is None:
        raise NotFound("没有这个附件。")
    return attachment


def stored_download(row: Any, disposition: str = "attachment") -> HttpResponse:
    """A stored upload (reply attachment, supplement file) as a download, by its checked type."""
    with row.file.open("rb") as handle:
        response = HttpResponse(handle.read(), content_type=row.content_type)
    ext = row.name.rsplit(".", 1)[-1]
    response["Content-Disposition"] = f'{disposition}; filename="{row.pk}.{ext}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_download(attachment: ReplyAttachment) -> HttpResponse:
    return stored_download(attachment)


def attachments_as_dict(application: Application, *, citizen: bool) -> list[dict[str, Any]]:
    rows = application.reply_attachments.all()
    if citizen:
        rows = rows.filter(letter__public=True)
    return [{"id": a.pk, "name": a.name, "size": a.size, "sha256": a.sha256, "letter": a.letter_id,
             "url": f"/api/v1/applications/{application.number}/attachments/{a.pk}"} for a in rows]


def visible_to(user: Any) -> QuerySet[Application]:
    qs = Application.objects.select_related("lead_department")
    if can(user, "application.view_identity"):
        return qs
    q = Q(pk__in=[])
    if user.department_id:
        q |= Q(lead_department_id=user.department_id) | Q(assisting_departments=user.department_id)
    reviewed = qs.exclude(draft_reviews=[]).values_list("pk", "draft_reviews")
    if user.has_role("secrecy"):
        q |= Q(pk__in=[pk for pk, reviews in reviewed if "secrecy" in (reviews or [])])
    if can(user, "application.legal"):
        q |= Q(pk__in=[pk for pk, reviews in reviewed if "legal" in (reviews or [])]) | Q(status=Application.ANSWERED)
    if user.has_role("leader"):
        q |= Q(status__in=[Application.IN_SIGNOFF, Application.SIGNED_OFF, Application.ANSWERED])
    return qs.filter(q).distinct()


soon_limit = workdays.soon_limit


def _paused_ids() -> QuerySet:
    return ThirdPartyConsultation.objects.filter(ended_on__isnull=True).values("application_id")


def queue(user: Any, name: str, *, order: str = "due_on", today: date | None = None) -> QuerySet[Application]:
    today = today or timezone.localdate()
    qs = visible_to(user)
    running = qs.filter(status__in=Application.OPEN).exclude(pk__in=_paused_ids())
    if name == "mine":
        qs = qs.filter(pk__in=[a.pk for a in qs.filter(status__in=Application.OPEN) if owes(user, a)])
    elif name == "department":
        qs = qs.filter(Q(lead_department_id=user.department_id) | Q(assisting_departments=user.department_id),
                       status__in=Application.OPEN)
    elif name == "intake":
        qs = qs.filter(status__in=[Application.RECEIVED, Application.AWAITING_SUPPLEMENT])
    elif name == "due_soon":
        qs = running.filter(due_on__gte=today, due_on__lte=soon_limit(today))
    elif name == "overdue":
        qs = running.filter(due_on__lt=today)
    elif name == "paused":
        qs = qs.filter(Q(pk__in=_paused_ids()) | Q(status=Application.AWAITING_SUPPLEMENT))
    key = {"due_on": "due_on", "-due_on": "-due_on", "received_on": "received_on", "-received_on": "-received_on"}.get(
        order, "due_on"
    )
    return qs.order_by(key, "number").distinct()


def owes(user: Any, application: Application) -> bool:
    """Whether the next step of an open case is this person's (the to-do list); a pending
    extension request is the office head's (Art. 15 ¶3)."""
    status = application.status
    if can(user, "application.approve_extension") and application.is_open and application.pending_extension():
        return True
    if status in (Application.RECEIVED, Application.AWAITING_SUPPLEMENT):
        return is_office(user)
    if status == Application.TRANSFERRED:
        return user.has_role("handler") and is_lead(user, application)
    if status == Application.SIGNED_OFF:
        return user.has_role("handler") and is_lead(user, application)
    if status == Application.IN_SIGNOFF:
        return fits_stage(user, application, application.pending_stage())
    return False


def awaiting_signature(user: Any) -> list[Application]:
    """Every answer whose next Art. 20 step is this person's (the batch sign-off page), oldest
    deadline first: department head, secrecy office and legal corps where asked, office, leader."""
    qs = visible_to(user).filter(status=Application.IN_SIGNOFF).order_by("due_on", "number")
    return [a for a in qs if fits_stage(user, a, a.pending_stage())]


def clock(application: Application, today: date | None = None) -> dict[str, Any]:
    """The case page's clock: received, paused days, extension, due, and the derived overdue."""
    today = today or timezone.localdate()
    paused = application.paused
    return {
        "received_on": application.received_on,
        "due_on": application.due_on,
        "provisional": application.due_provisional,
        "paused": paused,
        "stopped": application.status == Application.AWAITING_SUPPLEMENT,
        "paused_days": application.paused_days,
        "extended_days": application.extended_days,
        "overdue": bool(application.is_open and not paused and application.due_on and application.due_on < today),
        "consultation": application.open_consultation() if paused else None,
    }


def events(application: Application, *, public_only: bool = False) -> list[dict[str, Any]]:
    qs = Event.objects.for_object(application)
    if public_only:
        qs = qs.filter(public=True)
    return [
        {
            "at": timezone.localtime(e.at),
            "action": e.action,
            "label": event_label(e),
            "by": _public_by(e) if public_only else e.actor_label,
            "note": e.note,
        }
        for e in qs
    ]


def _public_by(event: Event) -> str:
    """Citizens see the office or department, never a staff member's name."""
    if event.actor_id is None:
        return event.actor_label
    department = event.actor.department
    return department.name if department else "公安厅"


def contest_as_dict(contest: Contest) -> dict[str, Any]:
    """A reconsideration or litigation as the API shows it (staff only)."""
    return {"id": contest.pk, "kind": contest.kind, "filed_on": contest.filed_on, "result": contest.result,
            "decided_on": contest.decided_on, "note": contest.note}


def extension_as_dict(request: Any) -> dict[str, Any]:
    return {"id": request.pk, "days": request.days, "reason": request.reason, "requested_on": request.requested_on,
            "requested_by": request.requested_by.username, "state": request.state, "decided_on": request.decided_on,
            "decided_by": request.decided_by.username if request.decided_by else None,
            "decision_reason": request.decision_reason or None}


def consultation_as_dict(consultation: ThirdPartyConsultation) -> dict[str, Any]:
    """A consultation with its explicit state: ``open``, ``expired`` (deadline passed without an
    answer, Art. 18) or ``replied``."""
    return {"id": consultation.pk, "party": consultation.party, "started_on": consultation.started_on,
            "due_on": consultation.due_on, "ended_on": consultation.ended_on, "state": consultation.state(),
            "consent": consultation.consent, "public_interest_on": consultation.public_interest_on}


def as_dict(application: Application, *, citizen: bool = False) -> dict[str, Any]:
    """The API's application (API.md): for a citizen only what concerns them."""
    letters = application.letters.filter(public=True) if citizen else application.letters.all()
    departments = []
    if application.lead_department:
        departments.append({"code": application.lead_department.code, "name": application.lead_department.name,
                            "role": "lead"})
    for d in application.assisting_departments.all():
        departments.append({"code": d.code, "name": d.name, "role": "assisting"})
    data: dict[str, Any] = {
        "number": application.number,
        "status": application.status,
        "status_label": application.get_status_display(),
        "received_on": application.received_on,
        "due_on": application.due_on,
        "due_provisional": application.due_provisional,
        "paused": application.paused,
        "extended": application.extended_days is not None,
        "departments": departments,
        "events": [{k: e[k] for k in ("at", "action", "by", "note")} for e in events(application, public_only=citizen)],
        "letters": [
            {"id": letter.pk, "name": letter.name, "title": letter.title, "issued_on": letter.issued_on,
             "docx": f"/api/v1/applications/{application.number}/letters/{letter.pk}.docx",
             "pdf": f"/api/v1/applications/{application.number}/letters/{letter.pk}.pdf",
             "attachments": [{"id": a.pk, "name": a.name, "size": a.size,
                              "url": f"/api/v1/applications/{application.number}/attachments/{a.pk}"}
                             for a in letter.attachments.all()]}
            for letter in letters.prefetch_related("attachments")
        ],
        "supplement_due_on": application.supplement_due_on,
        "outcome": application.outcome or None,
        "closed_on": application.closed_on,
    }
    if not citizen:
        data.update({
            "channel": application.channel,
            "applicant_type": application.applicant_type,
            "name": application.name,
            "organization": application.organization,
            "organization_type": application.organization_type or None,
            "description": application.description,
            "delivery": application.delivery,
            "reason": application.reason or None,
            "paused_days": application.paused_days,
            "extended_days": application.extended_days,
            "draft_outcome": application.draft_outcome or None,
            "signoff_stage": application.pending_stage(),
            "draft_reason": application.draft_reason or None,
            "draft_legal_basis": application.draft_legal_basis or None,
            "draft_content": application.draft_content or None,
            "draft_other_body": application.draft_other_body or None,
            "legal_basis": application.legal_basis or None,
            "other_body": application.other_body or None,
            "policy_profile": application.policy_profile,
            "reply_attachments": attachments_as_dict(application, citizen=False),
            "supplements": [{"id": x.pk, "text": x.text, "received_on": x.received_on, "online": x.online,
                             "files": [{"id": f.pk, "name": f.name, "size": f.size} for f in x.files.all()]}
                            for x in application.supplements.all()],
            "extension_requests": [extension_as_dict(r) for r in application.extension_requests.all()],
            "consultations": [consultation_as_dict(c) for c in application.consultations.all()],
            "contests": [contest_as_dict(c) for c in application.contests.order_by("filed_on", "pk")],
        })
    return data


def possible_duplicates(application: Application, *, threshold: float = 0.6) -> list[tuple[Application, float]]:
    """Earlier or later applications by the same ID number within a year whose description is
    similar (difflib ratio): shown to the clerk, who decides (Art. 16 (六))."""
    since = application.received_on - timedelta(days=366)
    until = application.received_on + timedelta(days=366)
    found = []
    others = Application.objects.filter(id_number=application.id_number, received_on__range=(since, until)).exclude(
        pk=application.pk
    )
    for other in others[:200]:
        ratio = difflib.SequenceMatcher(None, application.description, other.description).ratio()
        if ratio >= threshold:
            found.append((other, round(ratio, 2)))
    return sorted(found, key=lambda pair: -pair[1])


# --- the case list (issue 13) ----------------------------------------------------------------------

SORT_FIELDS = {"received": "received_on", "due": "due_on", "number": "number", "status": "status"}


def search(user: Any, query: ApplicationListQuery, *, today: date | None = None) -> QuerySet[Application]:
    """The applications ``user`` may see (``visible_to``, the rule of the case page), narrowed by
    ``query``: used by the workbench's list and ``GET /api/v1/applications`` alike.

    Words match the number, the applicant's name or organisation, the phone and the description
    with ``icontains`` (every word must appear), the same on SQLite and PostgreSQL. No full-text
    index: a provincial department receives some hundreds of applications a year (the annual
    reports of Art. 49), so even ten years of cases are scanned in milliseconds, and a clerk looks
    for fragments of numbers and phones, which a word index does not find. Overdue and "due within
    N working days" are derived from ``due_on`` by the working-day engine (Art. 15's clock; a case
    paused for a third party, Art. 18, or awaiting a supplement runs no clock)."""
    today = today or timezone.localdate()
    qs = queue(user, query.queue, today=today) if query.queue else visible_to(user)
    for word in query.words():
        qs = qs.filter(Q(number__icontains=word) | Q(name__icontains=word) | Q(organization__icontains=word)
                       | Q(phone__icontains=word) | Q(description__icontains=word))
    if query.status:
        qs = qs.filter(status=query.status)
    if query.department:
        qs = qs.filter(Q(lead_department__code=query.department)
                       | Q(assisting_departments__code=query.department))
    if query.channel:
        qs = qs.filter(channel=query.channel)
    if query.applicant_type:
        qs = qs.filter(applicant_type=query.applicant_type)
    running = Q(status__in=Application.OPEN, due_on__isnull=False) & ~Q(pk__in=_paused_ids())
    qs = case_lists.filter_dates_and_clock(qs, query, today=today, running=running)
    return case_lists.ordered(qs, query, SORT_FIELDS).distinct()


def list_row(application: Application, today: date, soon: date) -> dict[str, Any]:
    """One row of the list (workbench table, XLSX, API), with the derived due state."""
    running = application.is_open and application.due_on is not None
    state = workdays.due_state(application.due_on, today, soon=soon) if running else ""
    return {
        "number": application.number, "status": application.status, "status_label": application.get_status_display(),
        "name": application.name, "organization": application.organization, "phone": application.phone,
        "applicant_type": application.applicant_type, "applicant_type_label": application.get_applicant_type_display(),
        "channel": application.channel, "channel_label": application.get_channel_display(),
        "description": application.description, "received_on": application.received_on,
        "due_on": application.due_on, "due_state": state, "overdue": state == "overdue",
        "lead": application.lead_department.code if application.lead_department else None,
        "lead_name": application.lead_department.name if application.lead_department else "",
    }
