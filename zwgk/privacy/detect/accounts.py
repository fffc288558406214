"""Accounts: bank card numbers (Luhn, ISO/IEC 7812) and e-mail addresses."""

from __future__ import annotations

import re

from zwgk.privacy.detect.base import Context, Span
from zwgk.privacy.ids import luhn_valid

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)


def classify_number(digits: str, text: str, start: int, end: int, grouped: bool, glued: bool) -> str | None:
    """``bank_card`` for a 16–19 digit number passing Luhn and not glued to letters."""
    if 16 <= len(digits) <= 19 and not glued and luhn_valid(digits):
        return "bank_card"
    return None


def detect_emails(text: str, context: Context) -> list[Span]:
    return [Span.of("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]
