"""Mask the private data of a reply before it is shown publicly (Art. 32).

Masking keeps the text readable — a reader still sees that a surname, a district or the first
digits of a number were there — while no masked value can be recovered or re-used: the output never
contains a complete identity number, phone number or bank card number, and a name keeps only its
surname (张三丰 → 张某某, 欧阳修 → 欧阳某).

Masking is idempotent: masking an already masked text changes nothing, so a reply can be masked
again after an edit without degrading (e.g. 张某某 does not become 张某*).
"""

from __future__ import annotations

from collections.abc import Iterable

from zwgk.privacy.detect import Finding, find_private_data, split_surname

__all__ = ["mask_findings", "mask_text", "mask_value"]

_MAX_ROUNDS = 4


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9" or "０" <= c <= "９" or c in "Xx"


def _mask_digits(value: str, keep: set[int]) -> str:
    """Replace every digit of ``value`` by '*' except the digits whose index (among digits) is in ``keep``."""
    out = []
    index = 0
    for c in value:
        if _is_digit(c):
            out.append(c if index in keep else "*")
            index += 1
        else:
            out.append(c)
    return "".join(out)


def _digit_count(value: str) -> int:
    return sum(_is_digit(c) for c in value)


def _mask_resident_id(value: str) -> str:
    n = _digit_count(value)
    return _mask_digits(value, {0, 1, 2, n - 2, n - 1})


def _mask_mobile(value: str) -> str:
    n = _digit_count(value)
    prefix = n - 11  # country code 86 / 0086 stays
    keep = set(range(prefix + 3)) | set(range(n - 4, n))
    return _mask_digits(value, keep)


def _mask_landline(value: str) -> str:
    digits = "".join(c for c in value if _is_digit(c))
    n = len(digits)
    if digits.startswith(("0", "０")) and n >= 10:
        area = 3 if digits[1] in "12１２" else 4
    else:
        area = 0
    return _mask_digits(value, set(range(area)) | set(range(n - 3, n)))


def _mask_bank_card(value: str) -> str:
    n = _digit_count(value)
    return _mask_digits(value, set(range(n - 4, n)))


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}***@{domain}"


def _mask_plate(value: str) -> str:
    compact = "".join(c for c in value if c.isalnum())
    return f"{compact[:2]}***{compact[-2:]}"


def _mask_keep_ends(value: str, head: int, tail: int) -> str:
    """Keep ``head`` leading and ``tail`` trailing characters (never more than a third of the value)."""
    n = len(value)
    head, tail = min(head, n // 3), min(tail, n // 3)
    return value[:head] + "*" * (n - head - tail) + value[n - tail :]


def _mask_name(value: str) -> str:
    surname, given = split_surname(value)
    return surname + "".join(c if c in "·• " else "某" for c in given)


def mask_value(kind: str, value: str) -> str:
    """The masked form of one private value of the given kind (see :data:`zwgk.privacy.detect.KINDS`).

    Unknown kinds (e.g. a span staff selected by hand) become one '*' per character.
    """
    if kind in ("resident_id", "suspected_id"):
        return _mask_resident_id(value)
    if kind == "passport":
        return _mask_keep_ends(value, 1, 2)
    if kind == "qq":
        return _mask_keep_ends(value, 2, 2)
    if kind == "wechat":
        return _mask_keep_ends(value, 2, 0)
    if kind == "mobile":
        return _mask_mobile(value)
    if kind == "landline":
        return _mask_landline(value)
    if kind == "bank_card":
        return _mask_bank_card(value)
    if kind == "email":
        return _mask_email(value)
    if kind == "plate":
        return _mask_plate(value)
    if kind == "name":
        return _mask_name(value)
    if kind == "address":
        return "***"
    if kind == "health":
        return "**"
    return "*" * len(value)


def _regions(
    text: str, findings: Iterable[Finding], manual: Iterable[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) regions; overlaps and manual spans become kind 'manual'."""
    manual_spans = []
    for start, end in manual:
        start, end = max(0, int(start)), min(len(text), int(end))
        if start < end:
            manual_spans.append((start, end))
    items: list[tuple[int, int, str]] = [(s, e, "manual") for s, e in manual_spans]
    for f in findings:
        if text[f.start : f.end] != f.text:
            raise ValueError(f"finding {f.kind} at {f.start}-{f.end} does not match the text")
        items.append((f.start, f.end, f.kind))
    items.sort(key=lambda r: (r[0], -r[1]))
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in items:
        if merged and start < merged[-1][1]:
            prev_start, prev_end, _prev_kind = merged[-1]
            merged[-1] = (prev_start, max(prev_end, end), "manual")
        else:
            merged.append((start, end, kind))
    return merged


def _apply(text: str, regions: list[tuple[int, int, str]]) -> str:
    out = []
    pos = 0
    for start, end, kind in regions:
        out.append(text[pos:start])
        out.append(mask_value(kind, text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_findings(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with each finding replaced by its masked form (Art. 32).

    Findings must be cut from ``text`` (``ValueError`` otherwise); overlapping findings are merged
    and masked character by character, so an overlap never lets a digit through.
    """
    return _apply(text, _regions(text, findings, ()))


def mask_text(
    text: str,
    *,
    health_terms: Iterable[str] | None = None,
    extra_names: Iterable[str] = (),
    manual: Iterable[tuple[int, int]] = (),
) -> str:
    """Find and mask all private data in ``text`` (Art. 32).

    ``manual`` holds (start, end) spans of ``text`` that staff selected; each of their characters
    becomes '*', and a finding overlapping a manual span is masked together with it character by
    character.  The result is a fixed point: ``mask_text(mask_text(t)) == mask_text(t)`` — masking
    can change the context of nearby words, so the detector is run again on its own output until
    nothing more is found.
    """
    terms = None if health_terms is None else tuple(health_terms)
    names = tuple(extra_names)
    findings = find_private_data(text, health_terms=terms, extra_names=names)
    result = _apply(text, _regions(text, findings, manual))
    for _ in range(_MAX_ROUNDS):
        findings = find_private_data(result, health_terms=terms, extra_names=names)
        if not findings:
            break
        result = mask_findings(result, findings)
    return result
