"""Workbench pages of the assessment app: the dashboard of the assessment (Art. 42) with its
department views, the cases behind each indicator and XLSX of every table; the annual report
(条例 Art. 49) with its downloads and the office's figures. Views parse input and call services or
selectors."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.assessment import charts, dashboard, report, selectors, services
from zwgk.assessment.downloads import DOCX, XLSX, attachment
from zwgk.assessment.models import AnnualFigure, AnnualReport, IndicatorCode
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.models import current_site
from zwgk.core.transitions import TransitionRefused
from zwgk.org.models import Department
from zwgk.org.permissions import can, require

# The Art. 43 item an indicator's cases would usually be held accountable under.
ITEM_OF = {"applications_late": "3", "applications_overdue": "3", "contests_lost": "3",
           "messages_late_explained": "4", "messages_late_unexplained": "4", "entries_late": "1",
           "ledger_incomplete": "2", "sections_stale": "1", "sections_empty": "1",
           "broken_links": "1"}


def _year(raw: str | int | None) -> int:
    """The year asked for, within the years a report exists for (this year when unreadable)."""
    try:
        year = int(raw or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, report.YEARS[0]), report.YEARS[1])


@login_required
def annual_report(request: HttpRequest) -> HttpResponse:
    require(request.user, "application.report")
    year = _year(request.GET.get("year"))
    data = report.annual(year)
    saved = AnnualReport.objects.filter(year=year).first()
    published = saved is not None and saved.status == AnnualReport.PUBLISHED
    figures = text = None
    if can(request.user, "application.report_figures") and not published and not services.in_review(saved):
        entered = {fig.item: AnnualFigure.plain(fig.value) for fig in AnnualFigure.objects.filter(year=year)}
        figures = [(item, label, entered.get(item, "")) for item, label in AnnualFigure.ITEMS]
        fee = saved.processing_fee if saved else 0
        start = report.starting_text(data, fee)
        text = {name: getattr(saved, name) if saved and getattr(saved, name) else start[name]
                for name in ("overview", "problems", "other")} | {"processing_fee": f"{fee:.2f}"}
    may_publish = can(request.user, "report.publish")
    corrections = list(saved.corrections.select_related("entry")) if saved else []
    in_review = saved is not None and saved.status == AnnualReport.IN_REVIEW
    return render(request, "assessment/wb_report.html", {
        "nav": "annual_report", "year": year, "figures": figures, "text": text, "saved": saved,
        "published": published, "in_review": in_review,
        "may_publish": may_publish and saved is not None and not published
        and (saved.entry is None or saved.entry.status == "draft"),
        "may_correct": may_publish and published,
        "corrections": corrections,
        "corrected": next((c for c in reversed(corrections) if c.published_on), None),
        "tables": [(report.TITLE_2, report.html_rows(report.grid_2(data))),
                   (report.TITLE_3, report.html_rows(report.grid_3(data))),
                   (report.TITLE_4, report.html_rows(report.grid_4(data)))],
    })


@login_required
def annual_report_file(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    """The report as DOCX or XLSX for the signed-in person (the API wants a bearer token, so the
    workbench serves its own downloads)."""
    require(request.user, "application.report")
    data = report.annual(_year(year))
    if kind == "docx":
        return attachment(report.to_docx(data, current_site().department_name), DOCX, f"annual-{data['year']}.docx")
    return attachment(report.to_xlsx(data), XLSX, f"annual-{data['year']}.xlsx")


@login_required
@require_POST
def save_report_figures(request: HttpRequest, year: int) -> HttpResponse:
    """The office enters table 二's figures from other systems; a wrong one saves none of them."""
    values = {item: request.POST.get(item, "") for item, _ in AnnualFigure.ITEMS}
    try:
        changed = services.do_save_annual_figures(year, values, actor=request.user)
    except InvalidInput as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已保存{len(changed)}项填报数。" if changed else "填报数没有变化。")
    return redirect(f"{reverse('assessment_wb:report')}?year={year}")



@login_required
@require_POST
def save_report_text(request: HttpRequest, year: int) -> HttpResponse:
    """The office writes sections 一, 五 and 六; a published report refuses the change."""
    try:
        services.do_save_report_text(year, actor=request.user, overview=request.POST.get("overview", ""),
                                     problems=request.POST.get("problems", ""), other=request.POST.get("other", ""),
                                     processing_fee=request.POST.get("processing_fee", ""))
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已保存报告正文。")
    return redirect(f"{reverse('assessment_wb:report')}?year={year}")


def _report_action(request: HttpRequest, year: int, action: str, body: dict, done: str) -> HttpResponse:
    """Run one action of the year's report and come back to its page with the outcome."""
    saved = AnnualReport.objects.filter(year=year).first()
    if saved is None:
        raise Http404
    try:
        services.REPORT_ACTIONS.perform(saved, action, actor=request.user, body=body)
    except (ServiceError, TransitionRefused) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(f"{reverse('assessment_wb:report')}?year={year}")


@login_required
@require_POST
def publish_report(request: HttpRequest, year: int) -> HttpResponse:
    """Submit the report to the publishing review (its figures freeze at the entry's publication)."""
    return _report_action(request, year, "publish", {"on": timezone.localdate()},
                          f"{year}年度报告已提交发布审核；审核通过并发布后，统计数据即固定。")


@login_required
@require_POST
def correct_report(request: HttpRequest, year: int) -> HttpResponse:
    """A correction of the published report, submitted to the same review as a new entry."""
    body = {name: request.POST.get(name, "") for name in ("reason", "overview", "problems", "other")}
    return _report_action(request, year, "correct", body, f"{year}年度报告的更正已提交发布审核。")


# --- assessment ---------------------------------------------------------------------------------------

def _period(request: HttpRequest) -> tuple[int, str]:
    period = request.GET.get("period") or "year"
    return _year(request.GET.get("year")), period if period in selectors.PERIODS else "year"


def _context(request: HttpRequest, year: int, period: str, department: Department | None = None) -> dict:
    today = timezone.localdate()
    result = selectors.assess(year, period, today=today)
    rows = dashboard.department_rows(result)
    if department is not None:
        rows = [r for r in rows if r.code == department.code]
    months = dashboard.trend(year, today, department.code if department else None)
    alarms = selectors.vetoes(today)
    if department is not None:
        alarms = [a for a in alarms if a.section is None or a.section in
                  set(department.sections.values_list("code", flat=True))]
    return {
        "nav": "assessment", "year": year, "period": period, "periods": selectors.PERIOD_LABELS,
        "period_label": selectors.PERIOD_LABELS[period],
        "weight_rows": [(label, f"{result.weights.get(code, 0):g}") for code, label in IndicatorCode.choices],
        "result": result, "rows": rows, "months": months, "alarms": alarms, "department": department,
        "indicators": IndicatorCode.choices, "weights": result.weights,
        "rate_chart": charts.bars("各部门按期办结率", [
            charts.Bar(r.name, r.rate or 0, r.rate_text) for r in rows], maximum=1),
        "overdue_chart": charts.bars("各部门超期件数", [
            charts.Bar(r.name, r.overdue, f"{r.overdue}件") for r in rows], series=1),
        "trend_chart": charts.grouped_columns(f"{year}年按月趋势", [m.label for m in months], [
            ("按期件数", [m.on_time for m in months]), ("超期件数", [m.late for m in months])]),
        "query": f"year={year}&period={period}",
    }


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Art. 42: the office's, leaders' and inspection corps' view; a department head sees their own."""
    if not can(request.user, "assessment.view"):
        if can(request.user, "assessment.department", request.user.department):
            return redirect("assessment_wb:department", code=request.user.department.code)
        require(request.user, "assessment.view")
    year, period = _period(request)
    return render(request, "assessment/wb_dashboard.html", _context(request, year, period))



@login_required
def department(request: HttpRequest, code: str) -> HttpResponse:
    """One department's own indicators, with the cases that pull its score down listed in full."""
    dept = get_object_or_404(Department, code=code, active=True)
    require(request.user, "assessment.department", dept)
    year, period = _period(request)
    context = _context(request, year, period, dept)
    context["may_view_all"] = can(request.user, "assessment.view")
    context["pulling_down"] = [
        (code, label, context["result"].cases[code][dept.code]) for code, label in IndicatorCode.choices
        if context["weights"].get(code) and context["result"].cases[code][dept.code]
    ]
    return render(request, "assessment/wb_department.html", context)


@login_required
def cases(request: HttpRequest) -> HttpResponse:
    """The cases behind one indicator of one department: where every number of the dashboard leads."""
    year, period = _period(request)
    dept = get_object_or_404(Department, code=request.GET.get("department", ""))
    require(request.user, "assessment.department", dept)
    indicator = request.GET.get("indicator", "")
    if indicator not in IndicatorCode.values:
        raise Http404
    result = selectors.assess(year, period)
    return render(request, "assessment/wb_cases.html", {
        "nav": "assessment", "year": year, "period": period, "period_label": selectors.PERIOD_LABELS[period],
        "department": dept, "indicator": IndicatorCode(indicator), "cases": result.cases[indicator][dept.code],
        "points": result.weights.get(indicator),
        "open_case_query": _open_case_query(request, result, indicator, dept),
    })


def _open_case_query(request: HttpRequest, result: selectors.Assessment, indicator: str, dept: Department) -> str:
    """For the inspection corps: open an accountability case on the cases of a negative indicator."""
    if not (can(request.user, "accountability.manage") and result.weights.get(indicator)):
        return ""
    refs = [c.reference for c in result.cases[indicator][dept.code] if c.kind not in ("栏目", "失效链接")]
    return urlencode({"department": dept.code, "item": ITEM_OF.get(indicator, "7"), "linked_cases": " ".join(refs)})


@login_required
def dashboard_pdf(request: HttpRequest) -> HttpResponse:
    """The dashboard as a PDF for a meeting: the same figures, charts and tables as the page (a
    department head gets their own department's)."""
    from zwgk.assessment import pdf

    year, period = _period(request)
    code = request.GET.get("department")
    dept = get_object_or_404(Department, code=code) if code else None
    if dept is None:
        require(request.user, "assessment.view")
    else:
        require(request.user, "assessment.department", dept)
    content = pdf.render(_context(request, year, period, dept), current_site().department_name)
    suffix = f"-{dept.code}" if dept else ""
    return attachment(content, "application/pdf", f"assessment-{year}-{period}{suffix}.pdf")


@login_required
def table_xlsx(request: HttpRequest, table: str) -> HttpResponse:
    """Every table of the dashboard as XLSX (a department head gets their own department's rows)."""
    year, period = _period(request)
    code = request.GET.get("department")
    dept = get_object_or_404(Department, code=code) if code else None
    if dept is None:
        require(request.user, "assessment.view")
    else:
        require(request.user, "assessment.department", dept)
    context = _context(request, year, period, dept)
    content = dashboard.workbook(table, context["rows"], context["months"], context["alarms"])
    return attachment(content, XLSX, f"assessment-{year}-{period}-{table}.xlsx")
