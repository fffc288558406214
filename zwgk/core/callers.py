"""Who is calling, for keys that must not be shared between callers (idempotency keys, limits on
citizens' lookups and submissions). Staff are their account; an anonymous caller is a keyed hash
of the address and the browser's user agent, so the stored key reveals neither."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address. Behind nginx, REMOTE_ADDR is the proxy's own (empty on make serve's unix
    socket, which only the local front can reach); then, and only when the peer is that socket or one
    of ``ZWGK_TRUSTED_PROXIES``, the last address of X-Forwarded-For is the client's, the one nginx
    appended: earlier entries are whatever the client sent and are never believed. Without this every
    citizen behind the front would share one address and one submission limit."""
    remote = request.META.get("REMOTE_ADDR") or ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and (not remote or remote in settings.ZWGK_TRUSTED_PROXIES):
        try:
            return str(ipaddress.ip_address(forwarded.split(",")[-1].strip()))
        except ValueError:
            pass
    return remote or "unknown"


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
