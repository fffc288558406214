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
    BROKEN_LINKS = "broken_links", "失效链接"
    MESSAGES_SATISFACTION = "messages_satisfaction", "网民信息答复满意率"


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
    PORTAL_UNREACHABLE = "portal_unreachable", "网站不能访问"
    ANNUAL_REPORT = "annual_report", "政府信息公开工作年度报告未按时发布"


class AlarmRule(models.Model):
    """The threshold of one veto, as data: ``days`` of silence (or of waiting, for a message), and
    for the section counts ``count`` sections; ``sections`` are the section codes a rule watches
    (empty: every first-level section). For the portal probe ``days`` is the window and ``count``
    the percentage of failed probes; for the annual report ``days`` is the day of January by which
    it is published. A warning shows from half the threshold."""

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


class Art43Item(models.TextChoices):
    """The situations of Art. 43 for which the inspection corps holds people accountable."""

    ITEM_1 = "1", "（一）不按规定公开政府信息的"
    ITEM_2 = "2", "（二）违反信息公开内容审核或保密审查规定，导致严重负面影响或失泄密事件发生的"
    ITEM_3 = "3", "（三）违反政府信息依申请公开工作规定，导致公安厅行政复议或行政诉讼败诉的"
    ITEM_4 = "4", "（四）违反网民信息答复工作规定，造成严重不良影响的"
    ITEM_5 = "5", "（五）违反政务诚信建设有关规定，造成严重后果的"
    ITEM_6 = "6", "（六）违反安全管理规定，造成严重事故的"
    ITEM_7 = "7", "（七）违反本办法规定，造成其他严重后果的"


class AccountabilityCase(models.Model):
    """An accountability case of Art. 43: the inspection corps orders correction (责令改正),
    investigates with the office, and asks the party committee to decide on the department's head or
    the person directly responsible. Only the inspection corps and leaders see these."""

    OPEN, CORRECTION_ORDERED, FINDINGS_MADE = "open", "correction_ordered", "findings_made"
    REFERRED, DECIDED, CLOSED = "referred", "decided", "closed"
    STATUSES = [
        (OPEN, "已立案"), (CORRECTION_ORDERED, "已责令改正"), (FINDINGS_MADE, "已调查核实"),
        (REFERRED, "已提请厅党委"), (DECIDED, "厅党委已决定"), (CLOSED, "已结案"),
    ]

    number = models.CharField("编号", max_length=40, unique=True)
    item = models.CharField("问责情形", max_length=2, choices=Art43Item.choices)
    department = models.ForeignKey(
        "org.Department", verbose_name="被问责部门", on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="直接责任人员", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    facts = models.TextField("问题事实")
    linked_cases = models.JSONField("关联办件", default=list, blank=True, help_text="申请、网民信息的编号或目录索引号")
    status = models.CharField("状态", max_length=20, choices=STATUSES, default=OPEN, db_index=True)
    outcome = models.TextField("处理结果", blank=True)
    opened_on = models.DateField("立案日期")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="立案人", on_delete=models.PROTECT,
                                  related_name="+")
    closed_on = models.DateField("结案日期", null=True, blank=True)

    class Meta:
        verbose_name = "问责案件"
        verbose_name_plural = verbose_name
        ordering = ["-opened_on", "-id"]

    def __str__(self) -> str:
        return self.number


class DishonestySource(models.TextChoices):
    """Where a dishonesty record of an officer comes from (Art. 22)."""

    JUDGMENT = "judgment", "司法判决"
    ADMINISTRATIVE_PENALTY = "administrative_penalty", "行政处罚"
    DISCIPLINARY_SANCTION = "disciplinary_sanction", "纪律处分"
    ACCOUNTABILITY_DECISION = "accountability_decision", "问责处理"
    REFUSED_JUDGMENT = "refused_judgment", "拒不履行人民法院生效判决"


class DishonestyRecord(models.Model):
    """A government-integrity dishonesty record (政务失信记录) of an officer, kept by the personnel
    office (Art. 22) and sent to the regional credit-sharing platform; ``publishable`` marks what
    may be published (masked) on 信用宁夏."""

    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="民警", on_delete=models.PROTECT,
                                related_name="dishonesty_records")
    source = models.CharField("失信信息来源", max_length=30, choices=DishonestySource.choices)
    decided_on = models.DateField("认定日期")
    authority = models.CharField("作出机关", max_length=100)
    document_number = models.CharField("文书编号", max_length=100)
    summary = models.TextField("失信事实")
    publishable = models.BooleanField("可依法公开", default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField("录入时间", auto_now_add=True)
    # Publication on the portal's 政务诚信 channel (Art. 22 "依法依规逐步公开"), masked; the
    # personnel office publishes and withdraws (integrity.PUBLICATION is the table).
    UNPUBLISHED, PUBLISHED, WITHDRAWN = "unpublished", "published", "withdrawn"
    PUBLICATIONS = [(UNPUBLISHED, "未公开"), (PUBLISHED, "已公开"), (WITHDRAWN, "已撤回")]
    publication = models.CharField("公开状态", max_length=20, choices=PUBLICATIONS, default=UNPUBLISHED,
                                   db_index=True)
    published_on = models.DateField("公开日期", null=True, blank=True)

    class Meta:
        verbose_name = "政务失信记录"
        verbose_name_plural = verbose_name
        ordering = ["-decided_on", "-id"]


class DishonestySourceRule(models.Model):
    """What a source of dishonesty entails, as data (Art. 22): whether records of it may be
    published by law (a court judgment, an administrative penalty decision are public acts; a
    disciplinary sanction is not), and for how many months after the decision it bars the officer
    and the officer's department from being proposed for honours (限制评优评先); 0: no bar."""

    source = models.CharField("失信信息来源", max_length=30, choices=DishonestySource.choices, unique=True)
    may_publish = models.BooleanField("可依法公开", default=False)
    honours_months = models.PositiveSmallIntegerField("限制评优评先（月）", default=0)

    class Meta:
        verbose_name = "失信信息来源规则"
        verbose_name_plural = verbose_name
        ordering = ["source"]

    def __str__(self) -> str:
        return self.get_source_display()


class HonourNomination(models.Model):
    """A proposal for an honour (评先评优推荐, Art. 22): of an officer or of a department; refused
    while the nominee has a dishonesty record within the bar of its source's rule."""

    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("荣誉名称", max_length=100)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="推荐民警", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="honour_nominations")
    department = models.ForeignKey("org.Department", verbose_name="推荐部门", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("推荐理由")
    proposed_on = models.DateField("推荐日期")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="推荐人", on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        verbose_name = "评先评优推荐"
        verbose_name_plural = verbose_name
        ordering = ["-proposed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.year}年{self.title}"


class AnnualReport(models.Model):
    """The annual report of a year (条例 Art. 49): the office's text sections 一 总体情况, 五 存在的
    主要问题及改进情况 and 六 其他需要报告的事项 (with the 信息处理费 collected, 国办函〔2020〕109号);
    once published its figures are frozen in ``figures`` and nothing changes any more."""

    DRAFT, IN_REVIEW, PUBLISHED = "draft", "in_review", "published"
    STATUSES = [(DRAFT, "草稿"), (IN_REVIEW, "发布审核中"), (PUBLISHED, "已发布")]

    year = models.PositiveSmallIntegerField("年度", unique=True)
    overview = models.TextField("一、总体情况", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other = models.TextField("六、其他需要报告的事项", blank=True)
    processing_fee = models.DecimalField("信息处理费（元）", max_digits=12, decimal_places=2, default=0)
    status = models.CharField("状态", max_length=20, choices=STATUSES, default=DRAFT)
    figures = models.JSONField("发布时的统计数据", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    entry = models.ForeignKey("catalog.Entry", verbose_name="目录条目", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+",
                              help_text="经发布审核发布到“政府信息公开年报”栏目的信息")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="编写人", on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = verbose_name
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年度报告"


class ReportCorrection(models.Model):
    """A correction (更正) of a published annual report: a new catalog entry through the same review,
    the original entry staying published with a link to it. Its figures are frozen when its entry
    is published, apart from the original's, which are kept."""

    report = models.ForeignKey(AnnualReport, verbose_name="年度报告", on_delete=models.PROTECT,
                               related_name="corrections")
    entry = models.OneToOneField("catalog.Entry", verbose_name="目录条目", on_delete=models.PROTECT,
                                 related_name="+")
    reason = models.TextField("更正说明")
    overview = models.TextField("一、总体情况")
    problems = models.TextField("五、存在的主要问题及改进情况")
    other = models.TextField("六、其他需要报告的事项")
    figures = models.JSONField("发布时的统计数据", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提出人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("提出时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度报告更正"
        verbose_name_plural = verbose_name
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.report}更正"


class ProbeResult(models.Model):
    """One probe of the portal's public address (国办秘函〔2019〕19号: a page that does not answer
    within 15 seconds counts as a failure; 5% failures over a week is a veto)."""

    at = models.DateTimeField("时间", db_index=True)
    url = models.CharField("地址", max_length=300)
    status = models.PositiveSmallIntegerField("状态码", null=True, blank=True)
    seconds = models.FloatField("用时（秒）")
    ok = models.BooleanField("正常")
    error = models.CharField("错误", max_length=300, blank=True)

    class Meta:
        verbose_name = "网站可用性监测"
        verbose_name_plural = verbose_name
        ordering = ["-at"]
