"""API: the annual report and the assessment (API.md "Annual report", "Assessment"). Thin: check
the right, call a selector, serialize."""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from django.http import HttpRequest
from ninja import Router

from zwgk.api.schemas import ErrorOut
from zwgk.assessment import report, selectors
from zwgk.assessment.downloads import DOCX, XLSX, attachment
from zwgk.assessment.models import IndicatorCode
from zwgk.core.errors import NotFound
from zwgk.core.models import current_site
from zwgk.org.permissions import require

reports_router = Router(tags=["年度报告"])
assessment_router = Router(tags=["考核评估"])


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


Period = Literal["year", "q1", "q2", "q3", "q4", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10",
                 "m11", "m12"]
Indicator = Literal[tuple(IndicatorCode.values)]  # type: ignore[valid-type]


def _assessment(request: HttpRequest, year: int, period: str) -> selectors.Assessment:
    require(request.user, "assessment.view")
    if not report.YEARS[0] <= year <= report.YEARS[1]:
        raise NotFound()
    return selectors.assess(year, period)


def _cases_url(year: int, period: str, department: str, indicator: str) -> str:
    query = urlencode({"period": period, "department": department, "indicator": indicator})
    return f"/api/v1/assessment/{year}/cases?{query}"


@assessment_router.get("/{year}", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def assessment(request: HttpRequest, year: int, period: Period = "year"):
    """Art. 42: every department's indicators and score for the period, each indicator linking to the
    cases behind it (the same reader opens them), and the live vetoes (国办秘函〔2019〕19号)."""
    result = _assessment(request, year, period)
    return {
        "year": year, "period": period,
        "departments": [{
            "department": d.code, "name": d.name, "score": float(result.score(d.code)),
            "indicators": {ind: {"value": result.value(ind, d.code),
                                 "cases": _cases_url(year, period, d.code, ind)}
                           for ind in IndicatorCode.values},
        } for d in result.departments],
        "vetoes": [alarm.as_dict() for alarm in selectors.vetoes()],
    }


@assessment_router.get("/{year}/cases", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut,
                                                  422: ErrorOut})
def assessment_cases(request: HttpRequest, year: int, department: str, indicator: Indicator,
                     period: Period = "year"):
    """The cases behind one indicator of one department: what the ``cases`` link of an indicator opens."""
    result = _assessment(request, year, period)
    if department not in {d.code for d in result.departments}:
        raise NotFound("没有这个部门。")
    cases = result.cases[indicator][department]
    return {"year": year, "period": period, "department": department, "indicator": indicator,
            "label": IndicatorCode(indicator).label, "count": len(cases),
            "results": [{"kind": c.kind, "reference": c.reference, "title": c.title, "on": c.on, "note": c.note,
                         "url": c.url} for c in cases]}


ROUTERS = [("/reports", reports_router), ("/assessment", assessment_router)]
