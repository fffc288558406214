"""Citizen identity numbers (GB 11643-1999, and the first-generation 15-digit numbers).

An 18-character number is an identity number when its check character is right; one whose check
character is wrong but whose birth date is plausible still identifies its holder (a typing
error), so it is reported too.  Numbers glued to ASCII letters (``J640106...``) are case or
receipt numbers unless the check character proves them to be identity numbers.  First-generation
15-digit numbers are reported when their region code and birth date are real.
"""

from __future__ import annotations

from datetime import date

from zwgk.privacy.ids import luhn_valid, resident_id_birth_date, resident_id_check_char

# First two digits of the administrative-division code (provinces, HK, Macao, Taiwan).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)


def plausible_id_date(number: str) -> bool:
    born = resident_id_birth_date(number)
    return born is not None and date(1900, 1, 1) <= born <= date(2099, 12, 31)


def classify_number(digits: str, text: str, start: int, end: int, grouped: bool, glued: bool) -> str | None:
    """``resident_id`` for an identity number; None when the digits are not one (or are a bank card)."""
    n = len(digits)
    if digits[-1] in "Xx":
        if n == 18 and digits[0] != "0" and plausible_id_date(digits):
            if resident_id_check_char(digits[:17]) == "X" or not glued:
                return "resident_id"
        return None
    if n == 18 and digits[0] != "0" and plausible_id_date(digits):
        if resident_id_check_char(digits[:17]) == digits[17]:
            return "resident_id"
        if glued or luhn_valid(digits):
            return None  # a case number, or a bank card (the card classifier takes it)
        return "resident_id"
    if n == 15 and not glued and digits[:2] in PROVINCE_CODES and resident_id_birth_date(digits) is not None:
        return "resident_id"
    return None
