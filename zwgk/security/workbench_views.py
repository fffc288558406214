"""The audit log in the workbench (Art. 40), with its export."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from zwgk.org.permissions import require
from zwgk.security import audit, selectors
from zwgk.security.models import AuditKind, AuditResult


def _filters(request: HttpRequest) -> dict:
    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return None

    kind = request.GET.get("kind", "")
    return {"since": day("since"), "until": day("until"), "actor": request.GET.get("actor", "").strip(),
            "kind": kind if kind in AuditKind.values else ""}


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    require(request.user, "audit.view")
    filters = _filters(request)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    page = selectors.page_of(selectors.entries(**filters), number)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"nav": "audit", "page": page, "filters": filters, "kinds": AuditKind.choices,
               "query": query.urlencode(), "results": dict(AuditResult.choices)}
    return render(request, "security/audit.html", context)


@login_required
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    require(request.user, "audit.view")
    filters = _filters(request)
    audit.log(AuditKind.AUDIT_EXPORT, actor=request.user, detail={k: str(v) for k, v in filters.items() if v})
    response = StreamingHttpResponse(selectors.csv_lines(selectors.entries(**filters)),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''audit.csv"
    return response
