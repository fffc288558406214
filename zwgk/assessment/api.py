"""API: the annual report and the assessment (API.md "Annual report", "Assessment"). Thin: check
the right, call a selector, serialize."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from zwgk.api.schemas import ErrorOut
from zwgk.assessment import report
from zwgk.assessment.downloads import DOCX, XLSX, attachment
from zwgk.core.errors import NotFound
from zwgk.org.permissions import require
from zwgk.portal.models import current_site

reports_router = Router(tags=["年度报告"])


def _report(request: HttpRequest, year: int) -> dict[str, Any]:
    require(request.user, "application.report")
    if not report.YEARS[0] <= year <= report.YEARS[1]:
        raise NotFound()
    return report.annual(year)


@reports_router.get("/annual/{year}.xlsx", response={200: None, 401: ErrorOut, 403: ErrorOut})
def annual_xlsx(request: HttpRequest, year: int):
    return attachment(report.to_xlsx(_report(request, year)), XLSX, f"annual-{year}.xlsx")


@reports_router.get("/annual/{year}.docx", response={200: None, 401: ErrorOut, 403: ErrorOut})
def annual_docx(request: HttpRequest, year: int):
    return attachment(report.to_docx(_report(request, year), current_site().department_name), DOCX,
                      f"annual-{year}.docx")


@reports_router.get("/annual/{year}", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def annual(request: HttpRequest, year: int):
    """Tables 二, 三 and 四 of the annual report (国办公开办函〔2021〕30号)."""
    return _report(request, year)


ROUTERS = [("/reports", reports_router)]
