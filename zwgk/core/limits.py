"""Limits on the citizens' side (API.md v1, "Citizens' lookups"; issue 9, "Citizens' side").

- A status lookup by number + query code with a **wrong** code counts against the caller's
  address and against the number: after ``ZWGK_LOOKUP_MAX_FAILURES`` (10) wrong codes within
  ``ZWGK_LOOKUP_WINDOW_SECONDS`` (an hour) every lookup of that address, or of that number from
  anywhere, is 429 until the hour that began with the first failure has passed. An 8-character
  code from 32 letters cannot then be guessed, and spreading guesses over many addresses does
  not help against one number.
- Public submissions (applications, messages; API and portal forms) count per address:
  ``ZWGK_SUBMISSIONS_PER_HOUR`` (20), then 429.

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

from zwgk.core.callers import address_key
from zwgk.core.errors import NotFound, ServiceError
from zwgk.core.query_codes import hash_query_code

T = TypeVar("T")


class TooManyRequests(ServiceError):
    status = 429
    code = "too_many_requests"


LOOKUP_MESSAGE = "查询码错误次数过多，请一小时后再试。"
SUBMISSION_MESSAGE = "提交过于频繁，请一小时后再试。"


def _count(key: str) -> int:
    return int(cache.get(key) or 0)


def _bump(key: str, window: int) -> None:
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)


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


def check_submission(request: HttpRequest) -> None:
    """Count one public submission of this address; refuse past the hourly limit (429)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return  # staff registering letters and visits are not the public
    key = f"zwgk:submit:{address_key(request)}"
    if _count(key) >= settings.ZWGK_SUBMISSIONS_PER_HOUR:
        raise TooManyRequests(SUBMISSION_MESSAGE)
    _bump(key, 3600)


