"""Licence plates of motor vehicles (GA 36): a province character, a letter, five or six characters."""

from __future__ import annotations

import re

from zwgk.privacy.detect.base import Context, Span

_PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[A-HJ-NP-Za-hj-np-z]\s?[·•・.\-]?\s?"
    r"(?:[A-HJ-NP-Za-hj-np-z0-9]{5,6}|[A-HJ-NP-Za-hj-np-z0-9]{4}[挂学警港澳领试超])(?![A-Za-z0-9])"
)


def detect(text: str, context: Context) -> list[Span]:
    """Plates with at least two digits (宁A12345); 宁A·BCDEF-like words are left alone."""
    return [
        Span.of("plate", m.start(), m.end())
        for m in _PLATE.finditer(text)
        if sum(c.isdigit() for c in m.group()) >= 2
    ]
