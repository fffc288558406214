"""Assessment of the openness work (Ch. 8, Art. 42) and the annual report (条例 Art. 49): the
figures the office enters for the report's table 二."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models


class AnnualFigure(models.Model):
    """A figure of the annual report's table 二 that lives in another system (licensing, penalties,
    enforcement, fees) or that the catalog cannot tell (规章), entered by the disclosure office for
    the year (国办公开办函〔2021〕30号; the seed's Art. 8 items and the annual report)."""

    COUNTS = [
        ("rules_issued", "规章：本年制发件数"),
        ("rules_repealed", "规章：本年废止件数"),
        ("rules_valid", "规章：现行有效件数"),
        ("licensing", "行政许可：本年处理决定数量"),
        ("penalties", "行政处罚：本年处理决定数量"),
        ("enforcement", "行政强制：本年处理决定数量"),
    ]
    AMOUNTS = [("fees", "行政事业性收费：本年收费金额（单位：万元）")]
    ITEMS = COUNTS + AMOUNTS

    year = models.PositiveSmallIntegerField("年度")
    item = models.CharField("项目", max_length=30, choices=ITEMS)
    value = models.DecimalField("数值", max_digits=14, decimal_places=4)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报人", on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        verbose_name = "年度报告填报数"
        verbose_name_plural = verbose_name
        db_table = "applications_annualfigure"  # kept from before the move to this app, so the data stays
        constraints = [models.UniqueConstraint(fields=["year", "item"], name="annual_figure_once_per_year")]

    @staticmethod
    def plain(value: Decimal) -> str:
        """A figure as people write it: ``12.35``, ``1520`` (no trailing zeros, no exponent)."""
        return f"{value.normalize():f}"
