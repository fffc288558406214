"""Workbench pages of the assessment app: the annual report (条例 Art. 49) with its downloads and
the office's figures. Views parse input and call services or selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.assessment import report, services
from zwgk.assessment.downloads import DOCX, XLSX, attachment
from zwgk.assessment.models import AnnualFigure
from zwgk.core.errors import InvalidInput
from zwgk.org.permissions import can, require
from zwgk.portal.models import current_site


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
    figures = None
    if can(request.user, "application.report_figures"):
        entered = {fig.item: AnnualFigure.plain(fig.value) for fig in AnnualFigure.objects.filter(year=year)}
        figures = [(item, label, entered.get(item, "")) for item, label in AnnualFigure.ITEMS]
    return render(request, "assessment/wb_report.html", {
        "nav": "annual_report", "year": year, "figures": figures,
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
