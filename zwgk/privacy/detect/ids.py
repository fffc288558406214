"""Identity documents: citizen identity numbers (GB 11643-1999, first-generation 15-digit numbers)
and passport numbers.

An 18-character number is an identity number (``resident_id``) when its check character is
right.  A number shaped like one — a real province code and a plausible birth date — whose check
character is wrong still identifies its holder (a typing error, or a number altered on purpose),
so it is reported as ``suspected_id`` (疑似身份证号), masked and flagged before publication alike
(Art. 4, 32).  Numbers glued to ASCII letters (``J640106...``) are case or receipt numbers unless
the check character proves them to be identity numbers; a Luhn-valid number written after a card
word (卡号, 银行卡) is a bank card.  First-generation 15-digit numbers are reported when their
region code and birth date are real.

Passports: after a cue (护照, 护照号, 通行证) one or two letters and 7–8 digits; without a cue only
the shapes of the ordinary passport of the People's Republic (E12345678, EA1234567, G12345678).
"""

from __future__ import annotations

import re
from datetime import date

from zwgk.privacy.detect.base import Context, Span
from zwgk.privacy.ids import luhn_valid, resident_id_birth_date, resident_id_check_char

# First two digits of the administrative-division code (provinces, HK, Macao, Taiwan).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)


_CARD_CUE = re.compile(r"卡号|银行卡|储蓄卡|信用卡|借记卡|账号|帐号|卡")
_PASSPORT_CUE = re.compile(
    r"(?:护照|通行证|passport|Passport|PASSPORT)(?:号码|号|编号|No\.?)?\s*(?:是|为)?\s*:?\s*"
    r"(?P<number>[A-Za-z]{1,2}[0-9]{7,8})(?![A-Za-z0-9])"
)
_PASSPORT_SHAPE = re.compile(r"(?<![A-Za-z0-9\-/])(?:[EG][0-9]{8}|E[A-HJ-NP-Z][0-9]{7})(?![A-Za-z0-9\-/])")


def plausible_id_date(number: str) -> bool:
    born = resident_id_birth_date(number)
    return born is not None and date(1900, 1, 1) <= born <= date(2099, 12, 31)


def classify_number(digits: str, text: str, start: int, end: int, grouped: bool, glued: bool) -> str | None:
    """``resident_id``, ``suspected_id`` (wrong check character); None when not one (or a bank card)."""
    n = len(digits)
    if digits[-1] in "Xx":
        if n == 18 and digits[0] != "0" and plausible_id_date(digits):
            if resident_id_check_char(digits[:17]) == "X":
                return "resident_id"
            if not glued and digits[:2] in PROVINCE_CODES:
                return "suspected_id"
        return None
    if n == 18 and digits[0] != "0" and plausible_id_date(digits):
        if resident_id_check_char(digits[:17]) == digits[17]:
            return "resident_id"
        if glued or digits[:2] not in PROVINCE_CODES:
            return None  # a case or receipt number
        if luhn_valid(digits) and _CARD_CUE.search(text, max(0, start - 12), start):
            return None  # a bank card (the card classifier takes it)
        return "suspected_id"
    if n == 15 and not glued and digits[:2] in PROVINCE_CODES and resident_id_birth_date(digits) is not None:
        return "resident_id"
    return None


def detect_passports(text: str, context: Context) -> list[Span]:
    """Passport numbers: any shape after a cue, the ordinary passport's shapes anywhere."""
    found = [Span.of("passport", m.start("number"), m.end("number")) for m in _PASSPORT_CUE.finditer(text)]
    found += [Span.of("passport", m.start(), m.end()) for m in _PASSPORT_SHAPE.finditer(text)]
    return found
