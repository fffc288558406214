"""The bodies of the application actions (API.md "Applications for disclosure" and "Changes and
additions of v1"), shared by the API and the workbench: each is registered with its ``do_*`` in
``services.ACTIONS`` and validated there. The ``Literal``s come from the model's ``TextChoices``."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from zwgk.applications.models import (
    AbandonReason,
    ApplicantType,
    Channel,
    ContestKind,
    ContestResult,
    Decision,
    Delivery,
    IdType,
    OrganizationType,
    Outcome,
    Reason,
    Review,
    Status,
)
from zwgk.core.case_lists import CaseListQuery
from zwgk.core.validation import StrictSchema

ApplicantTypeCode = Literal[tuple(ApplicantType.values)]  # type: ignore[valid-type]
IdTypeCode = Literal[tuple(IdType.values)]  # type: ignore[valid-type]
OrgTypeCode = Literal[tuple(OrganizationType.values)]  # type: ignore[valid-type]
DeliveryCode = Literal[tuple(Delivery.values)]  # type: ignore[valid-type]
ChannelCode = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
OutcomeCode = Literal[tuple(Outcome.values)]  # type: ignore[valid-type]
ReasonCode = Literal[tuple(Reason.values)]  # type: ignore[valid-type]
ReviewCode = Literal[tuple(Review.values)]  # type: ignore[valid-type]
DecisionCode = Literal[tuple(Decision.values)]  # type: ignore[valid-type]
AbandonReasonCode = Literal[tuple(AbandonReason.values)]  # type: ignore[valid-type]
ContestKindCode = Literal[tuple(ContestKind.values)]  # type: ignore[valid-type]
ContestResultCode = Literal[tuple(ContestResult.values)]  # type: ignore[valid-type]
DecidedResultCode = Literal[tuple(v for v in ContestResult.values if v != ContestResult.PENDING)]  # type: ignore[valid-type]


class ApplicationIn(StrictSchema):
    applicant_type: ApplicantTypeCode
    name: str = Field(max_length=100)
    id_type: IdTypeCode
    id_number: str = Field(max_length=40)
    organization: str | None = Field(None, max_length=200)
    organization_type: OrgTypeCode | None = None
    phone: str = Field(max_length=30)
    email: str | None = Field(None, max_length=254)
    address: str | None = Field(None, max_length=300)
    description: str = Field(max_length=5000)
    purpose: str | None = Field(None, max_length=2000)
    delivery: DeliveryCode
    fee_waiver_requested: bool = False
    channel: ChannelCode | None = Field(None, description="员工登记来信、来访等时填写（第十九条）")
    received_on: date | None = Field(None, description="员工登记时填写收到申请的日期（第十九条）")


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


class PublicInterestIn(On):
    reason: str = Field(max_length=5000)


class ExtensionRequestIn(On):
    days: int
    reason: str = Field(max_length=5000)


class ExtendIn(ExtensionRequestIn):
    approved_by: str | None = Field(None, description="如填写，须为当前登录的办公室负责人账号")


class RefuseExtensionIn(On):
    reason: str = Field(max_length=5000)


class OtherBody(StrictSchema):
    """Art. 16 (四): the body that holds the information, so the applicant can turn to it."""

    name: str = Field(max_length=200)
    contact: str = Field(max_length=200)


class AnswerIn(On):
    """What an answer needs (Art. 16): the outcome, and what its letter prints."""

    outcome: OutcomeCode
    reason: ReasonCode | None = None
    legal_basis: str | None = Field(None, max_length=2000, description="如填写，替代按理由引用的条款")
    content: str | None = None
    other_body: OtherBody | None = None


class DraftIn(AnswerIn):
    reviews: list[ReviewCode] | None = None


class SignOffIn(On):
    decision: DecisionCode
    comment: str | None = None


class ReplyIn(On):
    outcome: OutcomeCode | None = None
    reason: ReasonCode | None = None
    legal_basis: str | None = Field(None, max_length=2000)
    content: str | None = None
    other_body: OtherBody | None = None


class WithdrawIn(On):
    reason: str


class AbandonIn(On):
    reason: AbandonReasonCode


class ContestIn(StrictSchema):
    kind: ContestKindCode
    filed_on: date
    result: ContestResultCode = ContestResult.PENDING.value
    decided_on: date | None = None
    note: str | None = None


class ContestDecisionBody(StrictSchema):
    result: DecidedResultCode
    decided_on: date


class ContestDecisionIn(ContestDecisionBody):
    contest: int


StatusCode = Literal[tuple(Status.values)]  # type: ignore[valid-type]
QueueCode = Literal["mine", "department", "intake", "due_soon", "overdue", "paused", "all"]


class ApplicationListQuery(CaseListQuery):
    """The case list of applications (issue 13): the workbench's GET form and
    ``GET /api/v1/applications`` read it, ``selectors.search`` applies it."""

    queue: QueueCode | None = Field(None, description="队列：mine、department、intake、due_soon、overdue、paused、all")
    status: StatusCode | None = Field(None, description="状态")
    channel: ChannelCode | None = Field(None, description="申请渠道")
    applicant_type: ApplicantTypeCode | None = Field(None, description="申请人类型")
