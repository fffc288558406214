"""API: applications for disclosure and the annual report (API.md "Applications for disclosure",
"Annual report"). Thin: parse, call a service or selector, serialize."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field, ValidationError

from zwgk.api.errors import validation_response
from zwgk.api.schemas import ErrorOut, StrictSchema
from zwgk.applications import case_file as case_file_zip
from zwgk.applications import letters as letter_docs
from zwgk.applications import report, selectors, services
from zwgk.applications.models import Application, Letter
from zwgk.core.errors import InvalidInput, NotFound
from zwgk.org.permissions import is_staff_member, require
from zwgk.portal.models import current_site

router = Router(tags=["依申请公开"])
reports_router = Router(tags=["年度报告"])

ApplicantType = Literal["natural_person", "legal_person"]
IdType = Literal["resident_id", "passport", "travel_permit", "credit_code", "other"]
OrgType = Literal["commercial", "research", "public_interest", "legal_service", "other"]
Delivery = Literal["paper", "email", "pickup", "online"]
Channel = Literal["online", "in_person", "mail", "email", "fax"]
Outcome = Literal[
    "already_public", "disclosed", "partly_disclosed", "not_disclosed", "not_held", "not_ours", "needs_creation",
    "still_unclear", "not_an_application", "duplicate", "publication", "excessive", "confirmation_request",
    "archived",
]
Reason = Literal[
    "state_secret", "law_forbids", "security_stability", "third_party_rights", "internal_affairs",
    "process_information", "enforcement_files", "administrative_query",
]


class ApplicationIn(StrictSchema):
    applicant_type: ApplicantType
    name: str = Field(max_length=100)
    id_type: IdType
    id_number: str = Field(max_length=40)
    organization: str | None = Field(None, max_length=200)
    organization_type: OrgType | None = None
    phone: str = Field(max_length=30)
    email: str | None = Field(None, max_length=254)
    address: str | None = Field(None, max_length=300)
    description: str = Field(max_length=5000)
    purpose: str | None = Field(None, max_length=2000)
    delivery: Delivery
    fee_waiver_requested: bool = False
    channel: Channel | None = Field(None, description="员工登记来信、来访等时填写（第十九条）")
    received_on: date | None = Field(None, description="员工登记时填写收到申请的日期（第十九条）")


class Receipt(Schema):
    number: str
    query_code: str
    status: str
    received_on: date
    due_on: date | None
    channel: str


class On(StrictSchema):
    on: date


class SupplementIn(On):
    items: list[str] = Field(min_length=1)


class TransferIn(On):
    lead: str
    assisting: list[str] = Field(default_factory=list)
    note: str | None = None


class ConsultIn(On):
    party: str = Field(max_length=200)
    contact: str = Field("", max_length=200)


class RepliedIn(On):
    consent: bool
    opinion: str = ""


class ExtendIn(On):
    days: int
    reason: str
    approved_by: str


class DraftIn(On):
    outcome: Outcome
    reason: Reason | None = None
    content: str | None = None
    reviews: list[Literal["secrecy", "legal"]] | None = None


class SignOffIn(On):
    decision: Literal["approve", "return"]
    comment: str | None = None


class ReplyIn(On):
    outcome: Outcome | None = None
    reason: Reason | None = None
    content: str | None = None


class WithdrawIn(On):
    reason: str


class AbandonIn(On):
    reason: Literal["no_supplement", "fee_unpaid"]


class ContestIn(StrictSchema):
    kind: Literal["reconsideration", "litigation_direct", "litigation_after"]
    filed_on: date
    result: Literal["upheld", "corrected", "other", "pending"] = "pending"
    decided_on: date | None = None
    note: str | None = None


class ContestDecisionIn(StrictSchema):
    result: Literal["upheld", "corrected", "other"]
    decided_on: date


BODIES: dict[str, type[StrictSchema]] = {
    "request_supplement": SupplementIn,
    "resubmit": On,
    "transfer": TransferIn,
    "consult_third_party": ConsultIn,
    "third_party_replied": RepliedIn,
    "extend": ExtendIn,
    "draft_reply": DraftIn,
    "sign_off": SignOffIn,
    "reply": ReplyIn,
    "withdraw": WithdrawIn,
    "abandon": AbandonIn,
}


def _find(request: HttpRequest, number: str, query_code: str | None) -> tuple[Application, bool]:
    """(application, seen as citizen): staff by their rights, anyone else by number + query code."""
    if is_staff_member(request.user):
        try:
            return selectors.for_staff(request.user, number), False
        except NotFound:
            if not query_code:
                raise
    return selectors.for_citizen(number, query_code), True


def _parse(request: HttpRequest, schema: type[StrictSchema]) -> dict[str, Any] | HttpResponse:
    try:
        raw = json.loads(request.body or b"{}")
    except ValueError:
        return validation_response([{"loc": ("body",), "type": "json_invalid"}])
    if not isinstance(raw, dict):
        return validation_response([{"loc": ("body",), "type": "model_attributes_type"}])
    try:
        return schema.model_validate(raw).model_dump(exclude_none=True)
    except ValidationError as exc:
        return validation_response(exc.errors())


@router.post("", response={201: Receipt, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut})
def submit(request: HttpRequest, payload: ApplicationIn):
    """Submit an application (public, from the portal form), or register one received by letter,
    e-mail, fax or visit (office staff, with ``channel`` and ``received_on``)."""
    data = payload.model_dump(exclude_none=True)
    application, code = services.do_submit(data, actor=request.user)
    return 201, {"number": application.number, "query_code": code, "status": application.status,
                 "received_on": application.received_on, "due_on": application.due_on,
                 "channel": application.channel}


@router.get("", response={200: dict, 401: ErrorOut, 403: ErrorOut})
def list_applications(request: HttpRequest, queue: str = "all", order: str = "due_on"):
    """Staff: a queue (mine, department, intake, due_soon, overdue, paused, all), by due date."""
    require(request.user, "application.use")
    rows = selectors.queue(request.user, queue, order=order)
    return {"count": rows.count(), "results": [
        {"number": a.number, "status": a.status, "received_on": a.received_on, "due_on": a.due_on,
         "lead": a.lead_department.code if a.lead_department else None}
        for a in rows[:500]
    ]}


@router.get("/{number}", response={200: dict, 401: ErrorOut, 404: ErrorOut})
def detail(request: HttpRequest, number: str, query_code: str | None = None):
    """Staff, or the applicant with the ``query_code`` (a wrong code answers 404)."""
    application, citizen = _find(request, number, query_code)
    return selectors.as_dict(application, citizen=citizen)


def _action_bodies() -> dict[str, Any]:
    """The body of each action, for the OpenAPI document (the endpoint validates by ``action``)."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [
        {**schema.model_json_schema(), "title": action} for action, schema in BODIES.items()
    ]}}}}}


@router.post("/{number}/actions/{action}", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut,
                                                      409: ErrorOut, 422: ErrorOut}, openapi_extra=_action_bodies())
def act(request: HttpRequest, number: str, action: str):
    """One action of the statutory procedure (API.md table); a refused action changes nothing."""
    application = selectors.for_staff(request.user, number)
    schema = BODIES.get(action)
    if schema is None:
        raise NotFound(f"未知的操作：{action}。")
    body = _parse(request, schema)
    if isinstance(body, HttpResponse):
        return body
    application = services.perform(application, action, request.user, body)
    return selectors.as_dict(Application.objects.get(pk=application.pk))


def _letter(request: HttpRequest, number: str, letter_id: int, query_code: str | None) -> Letter:
    application, citizen = _find(request, number, query_code)
    letter = application.letters.select_related("template", "application").filter(pk=letter_id).first()
    if letter is None or (citizen and not letter.public):
        raise NotFound()
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
    if file.size and file.size > services.SCAN_MAX_BYTES:
        raise InvalidInput("文件过大（不超过20MB）。", fields={"file": "不超过20MB"})
    scan = services.do_attach_scan(application, request.user, file.name or "scan", file.read())
    return 201, {"id": scan.pk, "name": scan.name, "content_type": scan.content_type, "size": scan.size}


@router.post("/{number}/contests", response={201: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
                                              422: ErrorOut})
def record_contest(request: HttpRequest, number: str, payload: ContestIn):
    """Art. 21: the legal corps records an administrative reconsideration or litigation."""
    application = selectors.for_staff(request.user, number)
    contest = services.do_record_contest(application, request.user, payload.model_dump(exclude_none=True))
    return 201, selectors.contest_as_dict(contest)


@router.post("/{number}/contests/{contest_id}/decision",
             response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def decide_contest(request: HttpRequest, number: str, contest_id: int, payload: ContestDecisionIn):
    """Art. 21: the legal corps records the result of a reconsideration or litigation when it comes."""
    application = selectors.for_staff(request.user, number)
    contest = application.contests.filter(pk=contest_id).first()
    if contest is None:
        raise NotFound("没有这条行政复议或诉讼记录。")
    decided = services.do_decide_contest(contest, request.user, payload.result, payload.decided_on)
    return selectors.contest_as_dict(decided)


def _report(request: HttpRequest, year: int) -> dict[str, Any]:
    require(request.user, "application.report")
    if not 2000 <= year <= 2200:
        raise NotFound()
    return report.annual(year)


@reports_router.get("/annual/{year}.xlsx", response={200: None, 401: ErrorOut, 403: ErrorOut})
def annual_xlsx(request: HttpRequest, year: int):
    return _download(report.to_xlsx(_report(request, year)),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"annual-{year}.xlsx")


@reports_router.get("/annual/{year}.docx", response={200: None, 401: ErrorOut, 403: ErrorOut})
def annual_docx(request: HttpRequest, year: int):
    return _download(report.to_docx(_report(request, year), current_site().department_name),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", f"annual-{year}.docx")


@reports_router.get("/annual/{year}", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def annual(request: HttpRequest, year: int):
    """Tables 三 and 四 of the annual report (table 二 is proactive disclosure: empty here)."""
    return _report(request, year)


ROUTERS = [("/applications", router), ("/reports", reports_router)]
