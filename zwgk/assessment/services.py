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
from zwgk.assessment.models import AnnualFigure, AnnualReport, ReportCorrection
from zwgk.catalog import services as catalog
from zwgk.catalog.models import Entry
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import Conflict, InvalidInput
from zwgk.core.models import current_site
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
    _refuse_while_in_review(AnnualReport.objects.filter(year=year).select_related("entry").first())
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


def in_review(report: AnnualReport | None) -> bool:
    """Submitted and not returned: what the reviewer reads is what will be published."""
    return (report is not None and report.status == AnnualReport.IN_REVIEW and report.entry is not None
            and report.entry.status != Entry.DRAFT)


def _refuse_while_in_review(report: AnnualReport | None) -> None:
    if in_review(report):
        raise Conflict(f"{report.year}年度报告已提交发布审核，审核退回后才能修改。", code="report_in_review")


REPORT_TABLE = TransitionTable.build(
    [
        # submitted to the catalog's review; again once the review returned it (AnnualReport.IN_REVIEW)
        ("publish", [AnnualReport.DRAFT, AnnualReport.IN_REVIEW], AnnualReport.IN_REVIEW),
        ("correct", [AnnualReport.PUBLISHED], None),
    ],
    state_labels=dict(AnnualReport.STATUSES),
    action_labels={"publish": "提交发布审核", "correct": "发布更正"},
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
    _refuse_while_in_review(report)
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
    if report.entry is not None and report.entry.status != Entry.DRAFT:
        raise Conflict(f"{report.year}年度报告已提交发布审核（{report.entry.get_status_display()}），"
                       "审核退回后才能重新提交。", code="report_in_review")
    return target


def _files(data: dict[str, Any], office: str, texts: dict[str, str], stem: str) -> list[tuple[str, bytes]]:
    from zwgk.assessment import report as figures

    return [(f"{stem}.docx", figures.to_docx(data, office, texts)), (f"{stem}.xlsx", figures.to_xlsx(data))]


@REPORT_ACTIONS.action(PublishBody)
def do_publish(report: AnnualReport, *, actor: Any, on: date) -> AnnualReport:
    """Publish the year's report (by 31 January, 条例 Art. 49) through the normal publishing review
    (Art. 4): an entry of the annual-report section with the report in the State Council's layout
    as its body and its DOCX and XLSX attached, submitted to the review. The figures are frozen when
    that entry is published (``freeze_published``), not before."""
    from zwgk.assessment import report as figures

    target = check_publish(report, actor=actor)
    before = report.status
    office = current_site().department_name
    data, texts = figures.compute(report.year), figures.text_sections(report.year)
    report.entry = catalog.submit_annual_report(
        actor=actor, title=figures.report_title(report.year, office), body=figures.to_html(data, office, texts),
        files=_files(data, office, texts, f"annual-report-{report.year}"), entry=report.entry)
    report.status = target
    report.save()
    record(report, AnnualReportEvent.SUBMITTED, actor=actor, from_state=before, to_state=target,
           note=f"{report.year}年度报告提交发布审核（{on}），目录条目 #{report.entry.pk}")
    return report


class CorrectBody(StrictSchema):
    reason: str
    overview: str = ""
    problems: str = ""
    other: str = ""


@REPORT_ACTIONS.action(CorrectBody)
def do_correct(report: AnnualReport, *, actor: Any, reason: str, overview: str = "", problems: str = "",
               other: str = "") -> ReportCorrection:
    """A correction of the published report (更正): a new entry of the annual-report section, through
    the same review, with the statement of what is corrected and the report as corrected (the
    figures counted now, the text sections as given or as published). The original stays published
    with its frozen figures; the correction's are frozen when its own entry is published."""
    from zwgk.assessment import report as figures

    REPORT_TABLE.target("correct", report.status)
    require(actor, "report.publish", report)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("请填写更正说明（更正的内容和原因）。", fields={"reason": "必填"})
    pending = report.corrections.filter(figures__isnull=True).select_related("entry").first()
    if pending is not None and pending.entry.status != Entry.DRAFT:
        raise Conflict(f"{report.year}年度报告已有一份更正在发布审核中，审核退回或发布后才能再提交。",
                       code="correction_in_review")
    correction = pending or ReportCorrection(report=report, created_by=actor)
    correction.reason = reason
    correction.overview = overview.strip() or report.overview
    correction.problems = problems.strip() or report.problems
    correction.other = other.strip() or report.other
    office = current_site().department_name
    texts = {"一": correction.overview, "五": correction.problems, "六": correction.other}
    data = figures.compute(report.year)
    correction.entry = catalog.submit_annual_report(
        actor=actor, title=f"关于《{figures.report_title(report.year, office)}》的更正",
        body=figures.to_html(data, office, texts, correction=reason),
        files=_files(data, office, texts, f"annual-report-{report.year}-correction"),
        entry=pending.entry if pending else None)
    correction.save()
    record(report, AnnualReportEvent.CORRECTION_SUBMITTED, actor=actor,
           note=f"{report.year}年度报告更正提交发布审核：{reason}", data={"entry": correction.entry_id})
    return correction


def freeze_published(entry: Entry, *, actor: Any = None) -> None:
    """Called as the catalog publishes ``entry`` (in its transaction): when it is a year's annual
    report, the figures are frozen as they are now and the report counts as published (the veto of
    ``selectors._annual_report`` lifts); when it is a correction, the correction's figures are frozen
    apart and the original entry links to it, its own figures kept."""
    from zwgk.assessment import report as figures

    report = AnnualReport.objects.select_for_update().filter(entry=entry, status=AnnualReport.IN_REVIEW).first()
    if report is not None:
        before = report.status
        report.figures = _frozen(figures.compute(report.year))
        report.status, report.published_on = AnnualReport.PUBLISHED, entry.published_on
        report.save()
        record(report, AnnualReportEvent.PUBLISH, actor=actor, from_state=before, to_state=report.status,
               note=f"{report.year}年度报告经审核发布（{entry.published_on}，索引号 {entry.index_number}），"
                    "统计数据已固定")
        return
    correction = ReportCorrection.objects.select_for_update().filter(entry=entry, figures__isnull=True).first()
    if correction is None:
        return
    correction.figures = _frozen(figures.compute(correction.report.year))
    correction.published_on = entry.published_on
    correction.save()
    original = correction.report.entry
    if original is not None:
        original.replaced_by = entry
        original.save(update_fields=["replaced_by", "updated_at"])
        _rerender(original)
    record(correction.report, AnnualReportEvent.CORRECTION_PUBLISHED, actor=actor,
           note=f"{correction.report.year}年度报告更正经审核发布（索引号 {entry.index_number}），"
                "更正后的统计数据已固定",
           data={"entry": entry.pk})


def _rerender(entry: Entry) -> None:
    """The original's public page now links to the correction: render it again after the commit."""
    from django.conf import settings

    if settings.ZWGK_PUBLISH_ON_CHANGE:
        from zwgk.publishing import tasks

        transaction.on_commit(lambda: tasks.publish_changed.delay("entry", str(entry.pk)))


def _frozen(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))
