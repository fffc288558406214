"""Writes of the assessment app: the annual report's figures entered by the office (条例 Art. 49)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from zwgk.assessment.models import AnnualFigure
from zwgk.core.errors import InvalidInput
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
