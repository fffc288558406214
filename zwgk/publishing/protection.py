"""Web protection headers Django has no setting for (issue 11, Art. 40): Permissions-Policy on
every answer, and ``Cache-Control: no-store`` on the workbench, the citizens' status lookups and
receipts, the API and anything answered to a signed-in person, so no shared cache or browser
history keeps a personal page. The Content-Security-Policy itself comes from django-csp."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ProtectionHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions = ", ".join(f"{feature}=()" for feature in settings.ZWGK_PERMISSIONS_POLICY_OFF)
        self.no_store = tuple(settings.ZWGK_NO_STORE_PREFIXES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        user = getattr(request, "user", None)
        if request.path.startswith(self.no_store) or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store"
        return response
