"""Who is acting and from which address, for audit entries written deep inside services (the case
events of ``zwgk.events.services.record`` have no request)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

CLIENT_IP: ContextVar[str | None] = ContextVar("zwgk_client_ip", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address. Behind nginx, REMOTE_ADDR is the proxy's own; then (and only when the
    proxy is one of ``ZWGK_TRUSTED_PROXIES``) the last address of X-Forwarded-For is the client's,
    the one nginx appended: earlier entries are whatever the client sent and are never believed."""
    remote = request.META.get("REMOTE_ADDR") or None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if remote in settings.ZWGK_TRUSTED_PROXIES and forwarded:
        last = forwarded.split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(last))
        except ValueError:
            return remote
    return remote


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = CLIENT_IP.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            CLIENT_IP.reset(token)
