"""Writes of the annual report (条例 Art. 49): the figures the office enters for table 二, the text
sections it writes, and the publication that freezes the figures."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from zwgk.assessment.events import AnnualReportEvent
from zwgk.assessment.models import AnnualFigure, AnnualReport
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import Conflict, InvalidInput
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import StrictSchema
from zwgk.events.services import record
from zwgk.org.permissions import require


def check_annual_figures(values: dict[str, Any]) -> dict[str, Decimal]:
    """Counts are whole numbers, the fee amount (万元) has at most four decimals; none is negative.
    Empty items are left as they are."""
    labels = dict(AnnualFigure.ITEMS)
    counts = dict(AnnualFigure.COUNTS)
    checked: dict[str, Decimal] = {}
    errors: dict[str, str] = {}
    for item, raw in values.items():
        if item not in labels:
            errors[item] = "不是年度报告的填报项目"
            continue
        if raw is None or str(raw).strip() == "":
            continue
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            errors[item] = "应为数字"
            continue
        if not value.is_finite() or value < 0:
            errors[item] = "应为不小于0的数字"
        elif item in counts and value != value.to_integral_value():
            errors[item] = "应为整数"
        elif value.as_tuple().exponent < -4 or value >= Decimal(10) ** 10:  # type: ignore[operator]
            errors[item] = "超出范围（最多四位小数）"
        else:
            checked[item] = value
    if errors:
        named = "；".join(f"{labels.get(item, item)}：{text}" for item, text in errors.items())
        raise InvalidInput(f"年度报告填报数有误（{named}）。", fields=errors)
    return checked


@transaction.atomic
def do_save_annual_figures(year: int, values: dict[str, Any], *, actor: Any) -> list[AnnualFigure]:
    """The office enters the figures of table 二 that other systems hold; each change is an event."""
    require(actor, "application.report_figures")
    if not 2000 <= year <= 2200:
        raise InvalidInput("年度应在2000年至2200年之间。", fields={"year": "超出范围"})
    if AnnualReport.objects.filter(year=year, status=AnnualReport.PUBLISHED).exists():
        raise Conflict(f"{year}年度报告已发布，填报数不能再修改。", code="report_published")
    changed = []
    for item, value in check_annual_figures(values).items():
        figure = AnnualFigure.objects.select_for_update().filter(year=year, item=item).first()
        before = figure.value if figure else None
        if before == value:
            continue
        if figure is None:
            figure = AnnualFigure(year=year, item=item)
        figure.value, figure.updated_by = value, actor
        figure.save()
        shown = AnnualFigure.plain(value)
        record(figure, "figure_saved", actor=actor, from_state="" if before is None else AnnualFigure.plain(before),
               to_state=shown, note=f"{year}年{figure.get_item_display()}：{shown}")
        changed.append(figure)
    return changed


REPORT_TABLE = TransitionTable.build(
    [("publish", [AnnualReport.DRAFT], AnnualReport.PUBLISHED)],
    state_labels=dict(AnnualReport.STATUSES), action_labels={"publish": "发布年度报告"},
)
REPORT_ACTIONS = ActionRegistry(REPORT_TABLE)


class PublishBody(StrictSchema):
    on: date


def _fee(raw: Any) -> Decimal:
    try:
        fee = Decimal(str(raw if raw not in (None, "") else 0).strip())
    except InvalidOperation:
        raise InvalidInput("信息处理费应为数字。", fields={"processing_fee": "应为数字"}) from None
    if not fee.is_finite() or fee < 0 or fee.as_tuple().exponent < -2 or fee >= Decimal(10) ** 10:  # type: ignore[operator]
        raise InvalidInput("信息处理费应为不小于0的金额（最多两位小数）。", fields={"processing_fee": "金额有误"})
    return fee


@transaction.atomic
def do_save_report_text(year: int, *, actor: Any, overview: str, problems: str, other: str,
                        processing_fee: Any = 0) -> AnnualReport:
    """The office writes sections 一, 五 and 六 (with the 信息处理费 collected); a published report is
    frozen (a later correction is a new publication, not an edit)."""
    require(actor, "application.report_figures")
    fee = _fee(processing_fee)
    report = AnnualReport.objects.select_for_update().filter(year=year).first()
    if report is not None and report.status == AnnualReport.PUBLISHED:
        raise Conflict(f"{year}年度报告已发布，不能再修改。", code="report_published")
    report = report or AnnualReport(year=year)
    report.overview, report.problems, report.other = overview.strip(), problems.strip(), other.strip()
    report.processing_fee, report.updated_by = fee, actor
    report.save()
    record(report, AnnualReportEvent.TEXT_SAVED, actor=actor, note=f"{year}年度报告正文")
    return report


def check_publish(report: AnnualReport, *, actor: Any) -> str:
    target = REPORT_TABLE.target("publish", report.status)
    require(actor, "report.publish", report)
    missing = {name: "必填" for name in ("overview", "problems", "other") if not getattr(report, name)}
    if missing:
        raise InvalidInput("年度报告的第一、五、六部分尚未填写完整。", fields=missing)
    return target


@REPORT_ACTIONS.action(PublishBody)
def do_publish(report: AnnualReport, *, actor: Any, on: date) -> AnnualReport:
    """Publish the year's report (by 31 January, 条例 Art. 49): its figures are frozen as they are."""
    from zwgk.assessment import report as figures

    target = check_publish(report, actor=actor)
    before = report.status
    report.figures = json.loads(json.dumps(figures.compute(report.year), cls=DjangoJSONEncoder))
    report.status, report.published_on = target, on
    report.save()
    record(report, AnnualReportEvent.PUBLISH, actor=actor, from_state=before, to_state=target,
           note=f"{report.year}年度报告发布（{on}）")
    return report
