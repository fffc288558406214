"""Limits on the citizens' side (API.md v1, "Citizens' lookups"; issue 9, "Citizens' side").

- A status lookup by number + query code with a **wrong** code counts against the caller's
  address and against the number: after ``ZWGK_LOOKUP_MAX_FAILURES`` (10) wrong codes within
  ``ZWGK_LOOKUP_WINDOW_SECONDS`` (an hour) every lookup of that address, or of that number from
  anywhere, is 429 until the hour that began with the first failure has passed. An 8-character
  code from 32 letters cannot then be guessed, and spreading guesses over many addresses does
  not help against one number.
- Public submissions (applications, messages; API and portal forms) count per address:
  ``ZWGK_SUBMISSIONS_PER_HOUR`` (20), then 429. Past ``ZWGK_CAPTCHA_AFTER`` (5) within the hour
  each further submission must answer an offline captcha (``core.captcha``, issue 11): the portal
  forms show the question (fields ``captcha_token``, ``captcha_answer``); the API answers 429
  ``captcha_required`` with the question in the message and the token in
  ``fields.captcha_token``, and takes the answer in the ``X-Captcha-Token`` and
  ``X-Captcha-Answer`` headers of the repeated request (the bodies stay those of API.md). A
  missing or wrong answer stores nothing and still counts against the hourly limit.

Counters live in the cache (Redis in production, so all workers share them; local memory in the
embedded mode, which runs one process). They are a small atomic counter (``cache.add`` then
``cache.incr``) rather than django-ratelimit: that library counts every request it decorates,
while here only wrong codes count, under two keys at once (the address and the number), and the
number is known only after the view has parsed the form or query; the fixed window starting at
the first failure is what the contract words ("until the hour has passed").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from zwgk.core import captcha
from zwgk.core.callers import address_key
from zwgk.core.errors import NotFound, ServiceError
from zwgk.core.query_codes import hash_query_code

T = TypeVar("T")


class TooManyRequests(ServiceError):
    status = 429
    code = "too_many_requests"


class CaptchaRequired(TooManyRequests):
    """The address submits often: the submission needs the captcha's answer (nothing stored)."""

    code = "captcha_required"


LOOKUP_MESSAGE = "查询码错误次数过多，请一小时后再试。"
SUBMISSION_MESSAGE = "提交过于频繁，请一小时后再试。"


def _count(key: str) -> int:
    return int(cache.get(key) or 0)


def _bump(key: str, window: int) -> int:
    """Count one more under ``key`` (its window starts with the first); the new count."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def _lookup_keys(request: HttpRequest, number: str) -> list[str]:
    # The number is hashed like a query code so that the cache holds no case numbers in clear.
    return [f"zwgk:lookup:addr:{address_key(request)}", f"zwgk:lookup:number:{hash_query_code(number)[:32]}"]


def limited_lookup(request: HttpRequest, number: str, find: Callable[[], T]) -> T:
    """Run ``find`` (a ``for_citizen`` selector) unless the address or the number is locked; a
    ``NotFound`` (wrong number or code) counts against both. Staff lookups do not come here."""
    keys = _lookup_keys(request, (number or "").strip())
    if any(_count(key) >= settings.ZWGK_LOOKUP_MAX_FAILURES for key in keys):
        raise TooManyRequests(LOOKUP_MESSAGE)
    try:
        return find()
    except NotFound:
        for key in keys:
            _bump(key, settings.ZWGK_LOOKUP_WINDOW_SECONDS)
        raise


def _submission_key(request: HttpRequest) -> str:
    return f"zwgk:submit:{address_key(request)}"


def _is_staff(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def captcha_needed(request: HttpRequest) -> bool:
    """Whether this address has submitted more than ``ZWGK_CAPTCHA_AFTER`` times this hour."""
    return not _is_staff(request) and _count(_submission_key(request)) >= settings.ZWGK_CAPTCHA_AFTER


def _captcha_answer(request: HttpRequest) -> tuple[str | None, str | None]:
    if request.path.startswith("/api/"):
        return request.headers.get(captcha.HEADER_TOKEN), request.headers.get(captcha.HEADER_ANSWER)
    return request.POST.get(captcha.FIELD_TOKEN), request.POST.get(captcha.FIELD_ANSWER)


def check_submission(request: HttpRequest) -> None:
    """Count one public submission of this address; refuse past the hourly limit (429), and past
    ``ZWGK_CAPTCHA_AFTER`` without the captcha's right answer (429 ``captcha_required``).

    Counted first, then judged by the count before it: two cache round trips on every public
    submission instead of four (issue 11, the intake's rate). A submission refused at the limit
    counts too, which changes nothing: the window still ends an hour after the first."""
    if _is_staff(request):
        return  # staff registering letters and visits are not the public
    before = _bump(_submission_key(request), 3600) - 1
    if before >= settings.ZWGK_SUBMISSIONS_PER_HOUR:
        raise TooManyRequests(SUBMISSION_MESSAGE)
    if before >= settings.ZWGK_CAPTCHA_AFTER:
        token, answer = _captcha_answer(request)
        if not captcha.verify(token, answer):
            wrong = "验证问题回答错误" if answer else "提交较频繁，请先回答验证问题"
            if not request.path.startswith("/api/"):  # the form shows a new question itself
                raise CaptchaRequired(f"{wrong}，请回答下方的验证问题后重新提交。",
                                      fields={captcha.FIELD_ANSWER: wrong})
            challenge = captcha.new_challenge()
            raise CaptchaRequired(
                f"{wrong}：{challenge.question}（在请求头 {captcha.HEADER_TOKEN} 中附上 fields.captcha_token，"
                f"在 {captcha.HEADER_ANSWER} 中附上答案，重新提交）",
                fields={captcha.FIELD_ANSWER: f"请回答：{challenge.question}", captcha.FIELD_TOKEN: challenge.token},
            )
