"""The one interface every detector implements: ``detect(text, context) -> list[Span]``.

A detector reads the folded text (full-width ASCII folded to ASCII, every index kept) and returns
spans, each with a kind of :data:`KINDS` and a priority.  :func:`resolve` then keeps the best spans
that do not overlap: lower priority number first, then the longer, then the earlier.  Detectors
never see each other except through ``Context.blocked`` (what the non-name detectors found), which
the name detector uses so that a street or a disease is never taken for a name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

KINDS: tuple[str, ...] = (
    "resident_id",
    "suspected_id",
    "passport",
    "mobile",
    "landline",
    "bank_card",
    "email",
    "wechat",
    "qq",
    "plate",
    "name",
    "address",
    "health",
)

# The kinds that are numbers with a checkable structure.
NUMBER_KINDS: tuple[str, ...] = ("resident_id", "suspected_id", "mobile", "landline", "bank_card")

# Chinese labels, as a reviewer reads them (Art. 4 scan, Art. 32 masking).
KIND_LABELS: dict[str, str] = {
    "resident_id": "身份证号码",
    "suspected_id": "疑似身份证号",
    "passport": "护照号码",
    "mobile": "手机号码",
    "landline": "电话号码",
    "bank_card": "银行卡号",
    "email": "电子邮箱",
    "wechat": "微信号",
    "qq": "QQ号",
    "plate": "车牌号",
    "name": "姓名",
    "address": "详细住址",
    "health": "健康状况",
}

# Lower number wins an overlap; within one priority the longer span wins.
PRIORITY: dict[str, int] = {
    "email": 0,
    "resident_id": 1,
    "suspected_id": 1,
    "bank_card": 2,
    "passport": 3,
    "mobile": 3,
    "wechat": 4,
    "qq": 4,
    "landline": 4,
    "plate": 5,
    "extra_name": 6,
    "address": 7,
    "health": 8,
    "name": 9,
}


@dataclass(frozen=True)
class Finding:
    """One piece of private data: ``text == source[start:end]``; ``kind`` is one of :data:`KINDS`."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    """What a detector returns: a kind and a position in the folded text (same indices as the original)."""

    kind: str
    start: int
    end: int
    priority: int

    @classmethod
    def of(cls, kind: str, start: int, end: int) -> Span:
        return cls(kind, start, end, PRIORITY[kind])


@dataclass
class Context:
    """What a detector may know besides the text: the caller's options and the spans found so far."""

    health_terms: tuple[str, ...]
    extra_names: tuple[str, ...] = ()
    cued_names_only: bool = False
    blocked: bytearray = field(default_factory=bytearray)


Detector = Callable[[str, Context], list[Span]]


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def is_ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def is_ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


# Full-width ASCII and the ideographic space are folded so that ｜１３８ｘｘ｜ is found too; the mapping
# keeps every index, so findings can be cut from the original text.
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    return text.translate(_FOLD)


def mark(blocked: bytearray, spans: list[Span]) -> None:
    for s in spans:
        blocked[s.start : s.end] = b"\x01" * (s.end - s.start)


def resolve(candidates: list[Span], length: int) -> list[Span]:
    """Keep the best candidates that do not overlap: by priority, then the longer, then the earlier."""
    chosen: list[Span] = []
    occupied = bytearray(length)
    for c in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
