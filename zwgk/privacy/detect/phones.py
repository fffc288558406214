"""Mobile and landline numbers.

Every mobile number is private.  A landline written next to an office word (派出所, 大厅, 窗口,
热线, 值班 ...) and without a personal marker (我家, 本人, 我的 ...) is an office number, which is
public information and is not reported.  Short hotlines (110, 122, 12345, 12389) never match.
The office and personal words are data (``data/phone_context.txt``).
"""

from __future__ import annotations

import re

from zwgk.privacy.detect import lexicon
from zwgk.privacy.detect.base import Span

MOBILE_FULL = re.compile(r"(?:0086|86)?1[3-9][0-9]{9}")
_LANDLINE_FULL = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}")
_PAREN_LANDLINE = re.compile(r"[(（]\s*0(?:10|2[0-9]|[3-9][0-9]{2})\s*[)）]\s*-?\s*[2-9][0-9]{6,7}(?![0-9])")
_LOCAL_CUE = re.compile(r"(?:电话|座机|固话|宅电|联系方式|号码|tel|Tel|TEL)(?:号码)?\s*(?:是|为)?\s*:?\s*$")

def _load() -> None:
    """The office and personal context words, compiled; again whenever the lists change."""
    global OFFICE_WORDS, _PERSONAL_WORDS
    OFFICE_WORDS = re.compile(lexicon.alternation("phone_context.txt", "office"))
    _PERSONAL_WORDS = re.compile(lexicon.alternation("phone_context.txt", "personal"))


_load()
lexicon.on_reload(_load)

_CLAUSE_BREAK = re.compile(r"[,.;:!?，。；：！？、\n]")


def is_office_number(text: str, start: int) -> bool:
    """A landline given as an office's number (public), judged from the words before it."""
    window = text[max(0, start - 25) : start]
    window = window.rsplit("\n", 1)[-1]
    if not OFFICE_WORDS.search(window):
        return False
    clause = _CLAUSE_BREAK.split(text[max(0, start - 14) : start])[-1]
    return not _PERSONAL_WORDS.search(clause)


def classify_number(digits: str, text: str, start: int, end: int, grouped: bool, glued: bool) -> str | None:
    """``mobile``, ``landline``, "" for an office's landline, None when the digits are no phone number."""
    if MOBILE_FULL.fullmatch(digits):
        return "mobile"
    if _LANDLINE_FULL.fullmatch(digits):
        return "" if is_office_number(text, start) else "landline"
    if (
        len(digits) in (7, 8)
        and digits[0] in "23456789"
        and not grouped
        and _LOCAL_CUE.search(text[max(0, start - 12) : start])
    ):
        return "" if is_office_number(text, start) else "landline"
    return None


def parenthesised_landlines(text: str) -> list[Span]:
    """(0951)5012345: the area code in brackets, which the digit-run scanner does not see."""
    return [
        Span.of("landline", m.start(), m.end())
        for m in _PAREN_LANDLINE.finditer(text)
        if not is_office_number(text, m.start())
    ]
