"""Who is calling, for keys that must not be shared between callers (idempotency keys, limits on
citizens' lookups and submissions). Staff are their account; an anonymous caller is a keyed hash
of the address and the browser's user agent, so the stored key reveals neither."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The peer address as the server sees it (behind a reverse proxy, set it from the proxy's
    trusted header there: a client-supplied ``X-Forwarded-For`` would let anyone pick their own)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _keyed(text: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), text.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:32]


def address_key(request: HttpRequest) -> str:
    """The caller's address, hashed (limits count per address)."""
    return _keyed("addr:" + client_address(request))


def caller_key(request: HttpRequest) -> str:
    """``staff:<id>`` for a logged-in account, else ``anon:<hash of address + user agent>``."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"staff:{user.pk}"
    return "anon:" + _keyed(client_address(request) + "\n" + request.META.get("HTTP_USER_AGENT", ""))
