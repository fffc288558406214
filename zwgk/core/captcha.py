"""An offline captcha for the public forms once an address submits often (issue 11: 提交频繁时的
离线验证码, no third-party service; Art. 40, 网站防攻击).

Hand-written rather than django-simple-captcha: that library's challenge is an image (with an
optional audio file made by an external ``flite`` program), which a screen-reader user cannot
answer without the audio, and which needs Pillow's font rendering. Here the challenge is a short
arithmetic question in text ("3 加 5 等于几？"): a screen reader reads it, a label names it
(WCAG 2.1 1.1.1, 3.3.2), it needs no image, no script and no inline style (the CSP stays as it is),
and it works offline. It slows a script hammering the forms; the hard hourly limit
(``core.limits``) still stops what it does not.

A challenge is a random token; its answer lives in the cache (Redis in production, shared by the
workers) for ``TTL`` seconds and is used once: right or wrong, a token is spent by one attempt.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core.cache import cache

TTL = 600
FIELD_TOKEN, FIELD_ANSWER = "captcha_token", "captcha_answer"
HEADER_TOKEN, HEADER_ANSWER = "X-Captcha-Token", "X-Captcha-Answer"
DIGITS = str.maketrans("０１２３４５６７８９－", "0123456789-")


@dataclass(frozen=True)
class Challenge:
    token: str
    question: str


def _key(token: str) -> str:
    return f"zwgk:captcha:{token}"


def new_challenge() -> Challenge:
    """A fresh question: the sum or difference of two small numbers (never negative)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    if secrets.randbelow(2) and a >= b:
        question, answer = f"{a} 减 {b} 等于几？", a - b
    else:
        question, answer = f"{a} 加 {b} 等于几？", a + b
    token = secrets.token_urlsafe(16)
    cache.set(_key(token), answer, timeout=TTL)
    return Challenge(token, question)


def verify(token: str | None, answer: str | None) -> bool:
    """Whether ``answer`` answers the challenge ``token``; the token is spent either way."""
    if not token or len(token) > 64:
        return False
    key = _key(token)
    expected = cache.get(key)
    cache.delete(key)
    if expected is None:
        return False
    text = (answer or "").strip().translate(DIGITS)
    return text.lstrip("-").isdigit() and int(text) == expected
