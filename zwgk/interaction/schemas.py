"""The bodies of the message actions, shared by the API and the workbench (``services.ACTIONS``
validates every body with the schema registered beside its ``do_*``), and the ``Literal`` types
of the API taken from the model's TextChoices, so that one list feeds both."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.db.models import TextChoices
from pydantic import Field

from zwgk.core.case_lists import CaseListQuery
from zwgk.core.validation import StrictSchema
from zwgk.interaction.models import Channel, Complexity, ManualMask, MessageKind, MessageStatus, Satisfaction


def literal_of(choices: type[TextChoices]) -> Any:
    """``Literal["a", "b", …]`` of the values of ``choices``."""
    return Literal[tuple(choices.values)]


Kind = literal_of(MessageKind)
ComplexityValue = literal_of(Complexity)
Status = literal_of(MessageStatus)
ChannelValue = literal_of(Channel)
MaskField = Literal[("", *(value for value, _ in ManualMask.FIELDS))]


class NoBody(StrictSchema):
    pass


class TriageIn(StrictSchema):
    complexity: ComplexityValue
    department: str | None = None
    kind: Kind | None = None


class RouteIn(StrictSchema):
    department: str
    note: str = ""


class ReplyIn(StrictSchema):
    content: str
    legal_review: bool = False


class ContentIn(StrictSchema):
    content: str


class LegalReviewIn(StrictSchema):
    decision: Literal["approve", "return"]
    opinion: str = ""
    content: str | None = None


class HeadDecisionIn(StrictSchema):
    opinion: str = ""


class ReclassificationIn(StrictSchema):
    complexity: ComplexityValue
    reason: str


class ReclassificationDecisionIn(StrictSchema):
    approve: bool
    note: str = ""


class NoteIn(StrictSchema):
    note: str = ""


class RequiredNoteIn(StrictSchema):
    note: str


class CollectiveIn(StrictSchema):
    note: str
    on: date | None = None


class PassedOnIn(StrictSchema):
    source: str


class MarkIn(StrictSchema):
    abusive: bool | None = None
    withheld: bool | None = None
    note: str = ""


class MaskIn(StrictSchema):
    fragment: str = ""
    field: MaskField = ""
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class RemoveMaskIn(StrictSchema):
    mask: int


SatisfactionValue = Literal[tuple(Satisfaction.values)]  # type: ignore[valid-type]


class RatingIn(StrictSchema):
    """The sender's rating of the answer, with the query code (POST /messages/{number}/rating)."""

    query_code: str
    satisfaction: SatisfactionValue = Field(
        description="satisfied 满意 · basically_satisfied 基本满意 · dissatisfied 不满意")
    comment: str = ""


class MessageListQuery(CaseListQuery):
    """The case list of citizen messages (issue 13): the workbench's GET form and
    ``GET /api/v1/messages`` read it, ``selectors.search`` applies it."""

    queue: str | None = Field(None, max_length=30,
                              description="队列（本人可用的队列之一：routing、mine、head、legal、open、done 等）")
    status: Status | None = Field(None, description="状态")
    channel: ChannelValue | None = Field(None, description="渠道")
    kind: Kind | None = Field(None, description="信息类别")
