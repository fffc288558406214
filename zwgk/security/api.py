"""API: the security audit log (API.md "Audit"), for the system administrator and the inspection corps."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Router, Schema

from zwgk.api.schemas import ErrorOut
from zwgk.org.permissions import require
from zwgk.security import selectors

router = Router(tags=["安全审计"])


class AuditOut(Schema):
    at: datetime
    actor: str
    ip: str | None
    kind: str
    object: str
    result: str


class AuditPage(Schema):
    count: int
    page: int
    pages: int
    results: list[AuditOut]


@router.get("", response={200: AuditPage, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut})
def audit_log(request: HttpRequest, since: date | None = None, until: date | None = None, actor: str = "",
              kind: str = "", page: int = 1):
    """Audit entries, newest first, 100 a page: logins, failed logins, lock-outs, account and role
    changes, exports and downloads of personal data, every state change of a case."""
    require(request.user, "audit.view")
    found = selectors.page_of(selectors.entries(since=since, until=until, actor=actor, kind=kind), page)
    return {"count": found.paginator.count, "page": found.number, "pages": found.paginator.num_pages,
            "results": [selectors.as_row(e) for e in found]}


ROUTERS = [("/audit", router)]
