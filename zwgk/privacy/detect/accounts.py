"""Accounts: bank card numbers (Luhn, ISO/IEC 7812), e-mail addresses, WeChat ids and QQ numbers.

WeChat ids and QQ numbers are only recognised after their cue (微信号, 加微信, vx, QQ, 扣扣 ...):
a QQ number is just 5–11 digits, and a WeChat id (a letter, then 5–19 letters, digits, ``_`` or
``-``) looks like any other code.  A WeChat id that is a mobile number is found as a mobile.
"""

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


_WECHAT = re.compile(
    r"(?:微信|威信|薇信|[Vv]信|weixin|WeChat|wechat|Wechat|WX|wx|VX|vx|Vx)"
    r"(?:号码|号|账号|帐号|ID|id|Id)?\s*(?:是|为|:|：)?\s*"
    r"(?P<id>(?:wxid_[A-Za-z0-9]{4,20}|[A-Za-z][A-Za-z0-9_\-]{5,19}))(?![A-Za-z0-9_\-])"
)
_QQ = re.compile(
    r"(?<![A-Za-z])(?:QQ|qq|Qq|扣扣|企鹅号)(?:号码|号|账号|帐号)?\s*(?:是|为|:|：)?\s*"
    r"(?P<id>[1-9][0-9]{4,10})(?![0-9])"
)


def detect_messaging(text: str, context: Context) -> list[Span]:
    """WeChat ids and QQ numbers after their cue."""
    found = [Span.of("wechat", m.start("id"), m.end("id")) for m in _WECHAT.finditer(text)]
    found += [Span.of("qq", m.start("id"), m.end("id")) for m in _QQ.finditer(text)]
    return found
