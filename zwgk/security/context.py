"""Who is acting and from which address, for audit entries written deep inside services (the case
events of ``zwgk.events.services.record`` have no request)."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from zwgk.core.callers import client_address

CLIENT_IP: ContextVar[str | None] = ContextVar("zwgk_client_ip", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for the audit log (``core.callers.client_address``), None when unknown."""
    address = client_address(request)
    return None if address == "unknown" else address


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = CLIENT_IP.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            CLIENT_IP.reset(token)
