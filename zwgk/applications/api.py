"""API: applications for disclosure (API.md "Applications for disclosure"). Thin: parse, call a
service or selector, serialize."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Query, Router, Schema
from ninja.files import UploadedFile

from zwgk.api.schemas import ErrorOut, inline_json_schema
from zwgk.applications import case_file as case_file_zip
from zwgk.applications import letters as letter_docs
from zwgk.applications import selectors, services
from zwgk.applications.models import Application, Letter
from zwgk.applications.schemas import ApplicationIn, ApplicationListQuery, ContestDecisionBody, ContestIn
from zwgk.applications.services import ACTIONS
from zwgk.core import case_lists, limits
from zwgk.core.actions import parse_json_object
from zwgk.core.errors import InvalidInput, NotFound
from zwgk.org.permissions import is_staff_member, require
from zwgk.security import audit

router = Router(tags=["依申请公开"])


class Receipt(Schema):
    number: str
    query_code: str
    status: str
    received_on: date
    due_on: date | None
    channel: str


def _find(request: HttpRequest, number: str, query_code: str | None) -> tuple[Application, bool]:
    """(application, seen as citizen): staff by their rights, anyone else by number + query code."""
    if is_staff_member(request.user):
        try:
            return selectors.for_staff(request.user, number), False
        except NotFound:
            if not query_code:
                raise
    return limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, query_code)), True


@router.post("", response={201: Receipt, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut})
def submit(request: HttpRequest, payload: ApplicationIn):
    """Submit an application (public, from the portal form), or register one received by letter,
    e-mail, fax or visit (office staff, with ``channel`` and ``received_on``)."""
    data = payload.model_dump(exclude_none=True)
    limits.check_submission(request)
    application, code = services.do_submit(data, actor=request.user)
    return 201, {"number": application.number, "query_code": code, "status": application.status,
                 "received_on": application.received_on, "due_on": application.due_on,
                 "channel": application.channel}


LEGACY_ORDER = {"due_on": "due", "-due_on": "-due", "received_on": "received", "-received_on": "-received"}


@router.get("", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def list_applications(request: HttpRequest, filters: Query[ApplicationListQuery], order: str | None = None):
    """Staff: the applications one may see, searched and filtered (issue 13; README "Case lists"):
    ``q`` (number, name, phone, words of the description), ``status``, ``department``, ``channel``,
    ``applicant_type``, ``received_from``/``received_to``, ``overdue``, ``due_within`` (working
    days), ``queue``, ``sort`` and ``page`` (50 a page). A bad value answers 422 naming the
    parameter. ``order`` (``due_on``, ``-due_on``, ``received_on``, ``-received_on``) is the older
    spelling of ``sort``."""
    require(request.user, "application.use")
    if filters.sort is None:
        filters.sort = LEGACY_ORDER.get(order or "", "due")
    today = timezone.localdate()
    page = Paginator(selectors.search(request.user, filters, today=today), case_lists.PAGE_SIZE).get_page(filters.page)
    soon = selectors.soon_limit(today)
    return {"count": page.paginator.count, "page": page.number, "pages": page.paginator.num_pages,
            "results": [selectors.list_row(a, today, soon) for a in page.object_list]}


@router.get("/{number}", response={200: dict, 401: ErrorOut, 404: ErrorOut})
def detail(request: HttpRequest, number: str, query_code: str | None = None):
    """Staff, or the applicant with the ``query_code`` (a wrong code answers 404)."""
    application, citizen = _find(request, number, query_code)
    return selectors.as_dict(application, citizen=citizen)


def _action_bodies() -> dict[str, Any]:
    """The body of each action, for the OpenAPI document (the endpoint validates by ``action``)."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [
        {**inline_json_schema(action.body), "title": name} for name, action in ACTIONS.actions.items()
    ]}}}}}


@router.post("/{number}/actions/{action}", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut,
                                                      409: ErrorOut, 422: ErrorOut}, openapi_extra=_action_bodies())
def act(request: HttpRequest, number: str, action: str):
    """One action of the statutory procedure (API.md table); a refused action changes nothing."""
    application = selectors.for_staff(request.user, number)
    if action not in ACTIONS:
        raise NotFound(f"未知的操作：{action}。")
    ACTIONS.perform(application, action, actor=request.user, body=parse_json_object(request.body))
    return selectors.as_dict(Application.objects.get(pk=application.pk))


def _letter(request: HttpRequest, number: str, letter_id: int, query_code: str | None) -> Letter:
    application, citizen = _find(request, number, query_code)
    letter = application.letters.select_related("template", "application").filter(pk=letter_id).first()
    if letter is None or (citizen and not letter.public):
        raise NotFound()
    audit.personal_data(request.user, letter, "letter")
    return letter


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename=\"{filename}\""
    return response


@router.get("/{number}/letters/{letter_id}.docx", response={200: None, 404: ErrorOut})
def letter_docx(request: HttpRequest, number: str, letter_id: int, query_code: str | None = None):
    letter = _letter(request, number, letter_id, query_code)
    return _download(letter_docs.render_docx(letter),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     f"{number}-{letter.pk}.docx")


@router.get("/{number}/letters/{letter_id}.pdf", response={200: None, 404: ErrorOut})
def letter_pdf(request: HttpRequest, number: str, letter_id: int, query_code: str | None = None):
    letter = _letter(request, number, letter_id, query_code)
    return _download(letter_docs.render_pdf(letter), "application/pdf", f"{number}-{letter.pk}.pdf")


@router.get("/{number}/case-file.zip", response={200: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def case_file(request: HttpRequest, number: str):
    """Art. 21: the whole case for reconsideration or litigation (legal corps): letters as sent,
    scans, events, an index PDF and SHA-256 checksums, in one ZIP."""
    application = selectors.for_staff(request.user, number)
    require(request.user, "application.legal")
    return _download(case_file_zip.build(application), "application/zip", f"{number}-case.zip")


@router.get("/{number}/duplicates", response={200: list[dict], 401: ErrorOut, 404: ErrorOut})
def duplicates(request: HttpRequest, number: str):
    """Possible duplicates: same ID number, similar description, within a year (Art. 16 (六))."""
    application = selectors.for_staff(request.user, number)
    return [{"number": other.number, "received_on": other.received_on, "status": other.status, "similarity": ratio}
            for other, ratio in selectors.possible_duplicates(application)]


@router.post("/{number}/scans", response={201: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def upload_scan(request: HttpRequest, number: str, file: UploadedFile = File(...)):  # noqa: B008
    """Attach a scan of a paper application (office; PDF, PNG, JPEG or TIFF, at most 20 MB)."""
    application = selectors.for_staff(request.user, number)
    if file.size and file.size > services.scan_max_bytes():
        limit = services.scan_max_bytes() // 1024 // 1024
        raise InvalidInput(f"文件过大（不超过{limit}MB）。", fields={"file": f"不超过{limit}MB"})
    scan = services.do_attach_scan(application, actor=request.user, name=file.name or "scan", data=file.read())
    return 201, {"id": scan.pk, "name": scan.name, "content_type": scan.content_type, "size": scan.size}


@router.post("/{number}/attachments",
             response={201: list[dict], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def upload_attachments(request: HttpRequest, number: str, files: list[UploadedFile] = File(...)):  # noqa: B008
    """Attach the disclosed files to the answer being drafted (multipart field ``files``, one or more;
    PDF, DOCX, XLSX, PNG, JPEG or TIFF, at most 20 MB each). The reply letter lists them as 附件 and
    the sign-off fingerprint covers them: once sign-off has begun they cannot change (409)."""
    application = selectors.for_staff(request.user, number)
    with transaction.atomic():
        rows = [services.do_attach_reply_file(application, actor=request.user, name=upload.name or "附件",
                                              data=upload.read()) for upload in files]
    return 201, [{"id": a.pk, "name": a.name, "size": a.size, "sha256": a.sha256} for a in rows]


@router.delete("/{number}/attachments/{attachment_id}",
               response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut})
def remove_attachment(request: HttpRequest, number: str, attachment_id: int):
    application = selectors.for_staff(request.user, number)
    services.do_remove_reply_file(application, actor=request.user, attachment_id=attachment_id)
    return 204, None


@router.get("/{number}/attachments/{attachment_id}", response={200: None, 404: ErrorOut})
def attachment(request: HttpRequest, number: str, attachment_id: int, query_code: str | None = None):
    """A reply attachment: staff, or the applicant with ``query_code`` once its letter is issued
    (listed under each letter's ``attachments``)."""
    application, citizen = _find(request, number, query_code)
    if citizen:
        row = selectors.issued_attachment(application, attachment_id)
    else:
        row = application.reply_attachments.filter(pk=attachment_id).first()
        if row is None:
            raise NotFound("没有这个附件。")
    audit.personal_data(request.user, row, "reply_attachment")
    return selectors.attachment_download(row)


@router.post("/{number}/contests", response={201: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
                                              422: ErrorOut})
def record_contest(request: HttpRequest, number: str, payload: ContestIn):
    """Art. 21: the legal corps records an administrative reconsideration or litigation."""
    application = selectors.for_staff(request.user, number)
    contest = ACTIONS.perform(application, "record_contest", actor=request.user,
                              body=payload.model_dump(exclude_none=True))
    return 201, selectors.contest_as_dict(contest)


@router.post("/{number}/contests/{contest_id}/decision",
             response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def decide_contest(request: HttpRequest, number: str, contest_id: int, payload: ContestDecisionBody):
    """Art. 21: the legal corps records the result of a reconsideration or litigation when it comes."""
    application = selectors.for_staff(request.user, number)
    decided = ACTIONS.perform(application, "decide_contest", actor=request.user,
                              body={**payload.model_dump(), "contest": contest_id})
    return selectors.contest_as_dict(decided)


ROUTERS = [("/applications", router)]
