"""The step between a workbench form and an irreversible or weighty action: a page that states what
will happen (the case, the outcome, the letter that will be issued) with 确认 / 返回, and asks for
the password again when the action needs a fresh check (issue 10, 13; Art. 40). Plain HTML forms:
the page carries the pending POST in hidden fields, so it works without JavaScript, and only the
confirmed POST reaches the service."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zwgk.core.errors import ServiceError
from zwgk.security import reauth

CONFIRMED = "confirmed"
PASSWORD = "reauth_password"
_NOT_CARRIED = {"csrfmiddlewaretoken", CONFIRMED, PASSWORD}


@dataclass
class Confirmation:
    """What the confirm page says: ``title`` names the action (答复, 发布 ...), ``rows`` the case and
    what will follow; ``irreversible`` adds the warning that it cannot be undone."""

    title: str
    case: str
    back_url: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    irreversible: bool = True


def carried(request: HttpRequest) -> list[tuple[str, str]]:
    """The pending form's fields, to be posted again from the confirm page."""
    return [(name, value) for name in request.POST if name not in _NOT_CARRIED
            for value in request.POST.getlist(name)]


def gate(request: HttpRequest, *, action: str, confirm: Confirmation | None = None,
         needs_password: bool = False, obj: Any = None, back_url: str = "",
         nav: str = "") -> HttpResponse | None:
    """None when the action may go ahead now; otherwise the confirm (or password) page to send back.

    ``needs_password``: the action is one that asks for the password again when the last check is
    older than ``ZWGK_REAUTH_MINUTES``; a wrong password goes through the lock-out gate and changes
    nothing."""
    due = needs_password and not reauth.is_recent(request)
    if confirm is None and not due:
        return None
    error = ""
    if request.POST.get(CONFIRMED) == "1":
        if not due:
            return None
        try:
            reauth.do_recheck(request, request.POST.get(PASSWORD, ""), action=action, obj=obj)
        except ServiceError as exc:
            error = exc.message
        else:
            return None
    context = {
        "confirm": confirm, "password_due": due, "error": error, "fields": carried(request),
        "back_url": confirm.back_url if confirm else back_url, "minutes": _minutes(),
        "nav": nav,
    }
    return render(request, "workbench/confirm.html", context, status=403 if error else 200)


def _minutes() -> int:
    from django.conf import settings

    return settings.ZWGK_REAUTH_MINUTES
