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


class IndicatorCode(models.TextChoices):
    """The indicators of the assessment (Art. 42, annex 5), each counted from cases, never typed in.
    One place for the model field, the API's names and the dashboard's labels."""

    APPLICATIONS_ON_TIME = "applications_on_time", "依申请公开按期答复"
    APPLICATIONS_LATE = "applications_late", "依申请公开超期答复"
    APPLICATIONS_OVERDUE = "applications_overdue", "依申请公开超期未办结"
    MESSAGES_ON_TIME = "messages_on_time", "网民信息按期答复"
    MESSAGES_LATE_EXPLAINED = "messages_late_explained", "网民信息超期（已解释说明）"
    MESSAGES_LATE_UNEXPLAINED = "messages_late_unexplained", "网民信息超期（未解释说明）"
    ENTRIES_ON_TIME = "entries_on_time", "审核通过后按时发布"
    ENTRIES_LATE = "entries_late", "审核通过后超时发布或未发布"
    LEDGER_INCOMPLETE = "ledger_incomplete", "审核审查台账不完整"
    CONTESTS_LOST = "contests_lost", "行政复议或诉讼被纠正（败诉）"
    SECTIONS_STALE = "sections_stale", "栏目更新不及时"
    SECTIONS_EMPTY = "sections_empty", "空白栏目"


class IndicatorWeight(models.Model):
    """How many points one case of an indicator takes off a department's score of 100: the
    negative list (负面清单) of Art. 42 as data the office may adjust. Zero means shown, not scored
    (the good cases: answered or published on time)."""

    indicator = models.CharField("指标", max_length=40, choices=IndicatorCode.choices, unique=True)
    points = models.DecimalField("每件扣分", max_digits=5, decimal_places=2)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "考核指标权重"
        verbose_name_plural = verbose_name
        ordering = ["indicator"]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}：{self.points}"


class AlarmCode(models.TextChoices):
    """The single-item vetoes (单项否决) of the State Council's website checks (国办秘函〔2019〕19号)."""

    HOME_PAGE = "home_page", "首页长期未更新"
    NEWS_SECTIONS = "news_sections", "动态、要闻类栏目长期未更新"
    NOTICE_SECTIONS = "notice_sections", "通知公告、政策文件类栏目长期未更新"
    STALE_SECTIONS = "stale_sections", "应更新但长期未更新的栏目过多"
    EMPTY_SECTIONS = "empty_sections", "空白栏目过多"
    UNANSWERED_MESSAGE = "unanswered_message", "网民留言长期未答复"


class AlarmRule(models.Model):
    """The threshold of one veto, as data: ``days`` of silence (or of waiting, for a message), and
    for the section counts ``count`` sections; ``sections`` are the section codes a rule watches
    (empty: every first-level section). A warning shows from half the threshold."""

    code = models.CharField("检查项", max_length=40, choices=AlarmCode.choices, unique=True)
    days = models.PositiveIntegerField("天数", null=True, blank=True)
    count = models.PositiveIntegerField("栏目数", null=True, blank=True)
    sections = models.JSONField("栏目代码", default=list, blank=True)

    class Meta:
        verbose_name = "单项否决阈值"
        verbose_name_plural = verbose_name
        ordering = ["code"]

    def __str__(self) -> str:
        return self.get_code_display()
