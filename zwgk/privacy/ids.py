"""Check-digit validators for the identifiers that turn up in citizens' letters.

Application intake uses these to refuse mistyped numbers, and the privacy detector uses them to
tell a real identity-card number from a case number that merely has the same length.  Masking
rules for the numbers found live in :mod:`zwgk.privacy.mask`; everything here is pure Python so
that it can be used outside Django as well (bench scripts, Celery jobs, tests without a database).

Standards implemented:

* GB 11643-1999 citizen identity number: 17 digits + ISO 7064 MOD 11-2 check character
  (``0``–``9`` or ``X``); the first-generation 15-digit numbers (``YYMMDD`` birth date, no check
  character) are accepted by a separate function.
* GB 32100-2015 unified social credit code of legal persons and other organisations: 18
  characters over ``0-9A-HJ-NPQRTUWXY`` with a weighted MOD 31 check character.
* The Luhn (MOD 10) check carried by bank card numbers (ISO/IEC 7812).
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "CREDIT_CODE_CHARSET",
    "credit_code_check_char",
    "is_mobile_number",
    "is_valid_credit_code",
    "is_valid_old_resident_id",
    "is_valid_resident_id",
    "luhn_valid",
    "resident_id_birth_date",
    "resident_id_check_char",
]

# ISO 7064 MOD 11-2: weight of position i (1-based from the left, 18 positions) is 2**(18-i) mod 11.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"

CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {c: i for i, c in enumerate(CREDIT_CODE_CHARSET)}
# GB 32100-2015 weights: 3**(i-1) mod 31 for positions 1..17.
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

_ASCII_DIGITS = re.compile(r"[0-9]+")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def _is_digits(s: str) -> bool:
    """ASCII digits only: ``str.isdigit`` would also accept superscripts and Arabic-Indic digits."""
    return _ASCII_DIGITS.fullmatch(s) is not None


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resident_id_check_char(first17: str) -> str:
    """The GB 11643-1999 check character (``0``–``9`` or ``X``) for the first 17 digits.

    Raises ``ValueError`` when ``first17`` is not exactly 17 ASCII digits, so that a caller never
    silently computes a check character for garbage.
    """
    if len(first17) != 17 or not _is_digits(first17):
        raise ValueError("身份证号码前17位必须是17位数字")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def resident_id_birth_date(number: str) -> date | None:
    """The birth date encoded in an 18-digit (``YYYYMMDD``) or 15-digit (``YYMMDD``, 19YY) number.

    Returns ``None`` when the date part is not a real calendar date.  No check-character test and no
    "not in the future" test is made here: the detector uses this to recognise mistyped numbers,
    which must be masked all the same (Art. 32).
    """
    if len(number) == 18 and _is_digits(number[:17]):
        return _real_date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if len(number) == 15 and _is_digits(number):
        return _real_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return None


def _plausible_birth_date(born: date | None, *, today: date | None = None) -> bool:
    return born is not None and date(1900, 1, 1) <= born <= (today or date.today())


def is_valid_resident_id(s: str) -> bool:
    """True for an 18-character GB 11643-1999 citizen identity number.

    Requirements: 17 ASCII digits followed by the correct MOD 11-2 check character (``X`` may be
    typed in lower case, it is the same number); the administrative-division code must start with
    1–9; the birth date must be a real date between 1900-01-01 and today.
    """
    if len(s) != 18 or not _is_digits(s[:17]) or s[0] == "0":
        return False
    if not _plausible_birth_date(resident_id_birth_date(s)):
        return False
    return resident_id_check_char(s[:17]) == s[17].upper()


def is_valid_old_resident_id(s: str) -> bool:
    """True for a first-generation 15-digit identity number (issued until 2004, still seen on files).

    Those numbers carry no check character: the test is 15 ASCII digits, an administrative-division
    code starting with 1–9 and a real ``19YYMMDD`` birth date.
    """
    if len(s) != 15 or not _is_digits(s) or s[0] == "0":
        return False
    return _plausible_birth_date(resident_id_birth_date(s))


def credit_code_check_char(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a unified social credit code.

    Raises ``ValueError`` when ``first17`` has the wrong length or a character outside the code's
    31-character set (upper case only; I, O, S, V and Z are never used).
    """
    if len(first17) != 17 or any(c not in _CREDIT_VALUES for c in first17):
        raise ValueError("统一社会信用代码前17位必须由数字和规定的大写字母组成")
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(s: str) -> bool:
    """True for an 18-character unified social credit code with the correct MOD 31 check character.

    Lower-case input is rejected rather than folded: the code is printed in upper case on every
    business licence, and intake forms upper-case it before validating.
    """
    if len(s) != 18 or any(c not in _CREDIT_VALUES for c in s):
        return False
    return credit_code_check_char(s[:17]) == s[17]


def luhn_valid(digits: str) -> bool:
    """True when ``digits`` (ASCII digits only, at least two) passes the Luhn MOD 10 check."""
    if len(digits) < 2 or not _is_digits(digits):
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def is_mobile_number(s: str) -> bool:
    """True for an 11-digit mainland mobile number (``1[3-9]`` + 9 digits), no prefix or separators."""
    return _MOBILE.fullmatch(s) is not None
