"""Disclosure on application (依申请公开, Ch. 3, Art. 11–21): the application and its clock, transfer
slips, third-party consultations, the sign-off chain, letters and their templates, scans of paper
applications, and reconsideration / litigation records."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.org.models import Department
from zwgk.workdays.models import Deadline

APPLICANT_TYPES = [("natural_person", "公民"), ("legal_person", "法人或其他组织")]
ID_TYPES = [
    ("resident_id", "居民身份证"),
    ("passport", "护照"),
    ("travel_permit", "港澳台居民通行证"),
    ("credit_code", "统一社会信用代码"),
    ("other", "其他身份证明"),
]
ORGANIZATION_TYPES = [
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other", "其他"),
]
DELIVERIES = [("paper", "纸质（邮寄）"), ("email", "电子邮件"), ("pickup", "当面领取"), ("online", "网上查看")]
CHANNELS = [("online", "网上申请"), ("in_person", "当面提交"), ("mail", "信函"), ("email", "电子邮件"), ("fax", "传真")]

OUTCOMES = [
    ("already_public", "已主动公开"),
    ("disclosed", "予以公开"),
    ("partly_disclosed", "部分公开"),
    ("not_disclosed", "不予公开"),
    ("not_held", "本机关不掌握相关政府信息"),
    ("not_ours", "不属于本机关公开范围"),
    ("needs_creation", "没有现成信息需要另行制作"),
    ("still_unclear", "补正后申请内容仍不明确"),
    ("not_an_application", "信访举报投诉类申请"),
    ("duplicate", "重复申请"),
    ("publication", "要求提供公开出版物"),
    ("excessive", "无正当理由大量反复申请"),
    ("confirmation_request", "要求行政机关确认或重新出具已获取信息"),
    ("archived", "已移交档案馆"),
]
NOT_DISCLOSED_REASONS = [
    ("state_secret", "属于国家秘密"),
    ("law_forbids", "其他法律行政法规禁止公开"),
    ("security_stability", "危及“三安全一稳定”"),
    ("third_party_rights", "保护第三方合法权益"),
    ("internal_affairs", "属于三类内部事务信息"),
    ("process_information", "属于四类过程性信息"),
    ("enforcement_files", "属于行政执法案卷"),
    ("administrative_query", "属于行政查询事项"),
]
ABANDON_REASONS = [
    ("no_supplement", "申请人无正当理由逾期不补正"),
    ("fee_unpaid", "申请人逾期未按收费通知要求缴纳费用"),
]


class Application(Deadline):
    """One application for disclosure (Art. 13), numbered at once (Art. 15) and answered on the
    statutory working-day clock (Art. 15, 18). ``due_on`` (from Deadline) is the reply deadline;
    it is null while the applicant is asked to supplement."""

    RECEIVED, AWAITING_SUPPLEMENT, TRANSFERRED = "received", "awaiting_supplement", "transferred"
    IN_SIGNOFF, SIGNED_OFF = "in_signoff", "signed_off"
    ANSWERED, WITHDRAWN, ABANDONED = "answered", "withdrawn", "abandoned"
    STATUSES = [
        (RECEIVED, "已登记，待初审"),
        (AWAITING_SUPPLEMENT, "待补正"),
        (TRANSFERRED, "办理中"),
        (IN_SIGNOFF, "答复审签中"),
        (SIGNED_OFF, "审签完毕，待答复"),
        (ANSWERED, "已答复"),
        (WITHDRAWN, "已撤回"),
        (ABANDONED, "视为放弃申请"),
    ]
    OPEN = (RECEIVED, AWAITING_SUPPLEMENT, TRANSFERRED, IN_SIGNOFF, SIGNED_OFF)
    CLOSED = (ANSWERED, WITHDRAWN, ABANDONED)

    number = models.CharField("编号", max_length=40, unique=True)
    query_code_hash = models.CharField("查询码摘要", max_length=64)
    status = models.CharField("状态", max_length=30, choices=STATUSES, default=RECEIVED, db_index=True)
    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_TYPES)
    name = models.CharField("申请人姓名或名称", max_length=100)
    id_type = models.CharField("身份证明类型", max_length=20, choices=ID_TYPES)
    id_number = models.CharField("证件号码", max_length=40, db_index=True)
    organization = models.CharField("工作单位或组织名称", max_length=200, blank=True)
    organization_type = models.CharField("组织类型", max_length=20, choices=ORGANIZATION_TYPES, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    description = models.TextField("所需信息的名称、文号或特征性描述")
    purpose = models.TextField("用途", blank=True)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=DELIVERIES)
    fee_waiver_requested = models.BooleanField("申请减免费用", default=False)
    channel = models.CharField("申请渠道", max_length=20, choices=CHANNELS, default="online")
    received_on = models.DateField("收到申请日期", db_index=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", default=timezone.now)
    # Art. 15: one supplement notice within 7 working days; the clock restarts on resubmission.
    supplement_requested_on = models.DateField("补正告知日期", null=True, blank=True)
    supplement_items = models.JSONField("需补正事项", default=list, blank=True)
    resubmitted_on = models.DateField("补正后重新提交日期", null=True, blank=True)
    # Art. 15, 20: lead and assisting departments.
    lead_department = models.ForeignKey(
        Department, verbose_name="主办部门", null=True, blank=True, on_delete=models.PROTECT,
        related_name="lead_applications",
    )
    assisting_departments = models.ManyToManyField(
        Department, verbose_name="协办部门", blank=True, related_name="assisting_applications"
    )
    transferred_on = models.DateField("转办日期", null=True, blank=True)
    # Art. 15: one extension of at most 15 working days, approved by the office head.
    extended_days = models.PositiveSmallIntegerField("延期工作日数", null=True, blank=True)
    extension_reason = models.TextField("延期理由", blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="延期批准人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    paused_days = models.PositiveSmallIntegerField("不计时工作日数", default=0)
    # Art. 16, 20: the proposed answer and the sign-off chain.
    draft_outcome = models.CharField("拟答复类型", max_length=30, choices=OUTCOMES, blank=True)
    draft_reason = models.CharField("拟答复理由", max_length=30, blank=True)
    draft_content = models.TextField("拟答复内容", blank=True)
    draft_reviews = models.JSONField("需审核", default=list, blank=True)
    draft_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="拟稿人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_on = models.DateField("拟稿日期", null=True, blank=True)
    signoff_round = models.PositiveSmallIntegerField("审签轮次", default=0)
    # Endings (the annual report's table 三).
    outcome = models.CharField("答复类型", max_length=30, choices=OUTCOMES, blank=True)
    reason = models.CharField("理由", max_length=30, blank=True)
    reply_content = models.TextField("答复内容", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    closing_note = models.TextField("办结说明", blank=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = verbose_name
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def column(self) -> str:
        """The annual report's column: natural person or the organisation's type."""
        if self.applicant_type == "natural_person":
            return "natural_person"
        return self.organization_type or "other"

    def open_consultation(self) -> ThirdPartyConsultation | None:
        return self.consultations.filter(ended_on__isnull=True).first()

    @property
    def paused(self) -> bool:
        return self.consultations.filter(ended_on__isnull=True).exists()


class TransferSlip(models.Model):
    """《依申请公开政府信息转办单》 (Art. 15, annex 3): the office hands the application over."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transfers")
    transferred_on = models.DateField("转办日期")
    lead = models.ForeignKey(Department, verbose_name="主办部门", on_delete=models.PROTECT, related_name="+")
    assisting = models.ManyToManyField(Department, verbose_name="协办部门", blank=True, related_name="+")
    note = models.TextField("办理要求", blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="转办人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "转办单"
        verbose_name_plural = verbose_name
        ordering = ["transferred_on", "id"]


class ThirdPartyConsultation(Deadline):
    """A written consultation of a third party (Art. 18). ``due_on`` is the third party's own
    deadline (15 working days from the letter); the application's clock pauses meanwhile (Art. 15)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consultations")
    party = models.CharField("第三方", max_length=200)
    contact = models.CharField("联系方式", max_length=200, blank=True)
    started_on = models.DateField("征求意见日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    ended_by_expiry = models.BooleanField("逾期未答复", default=False)
    consent = models.BooleanField("同意公开", null=True, blank=True)
    opinion = models.TextField("第三方意见", blank=True)
    counted_days = models.PositiveSmallIntegerField("不计时工作日数", default=0)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="经办人", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "征求第三方意见"
        verbose_name_plural = verbose_name
        ordering = ["started_on", "id"]


class SignOff(models.Model):
    """One step of the Art. 20 chain: 部门负责人审核 → 厅保密办 / 法制总队审核 → 办公室核稿 → 分管厅领导审签."""

    STAGES = [
        ("dept_head", "承办部门负责人审核"),
        ("secrecy", "厅保密办涉密审核"),
        ("legal", "法制总队涉法审核"),
        ("office", "办公室核稿"),
        ("leader", "分管厅领导审签"),
    ]
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="signoffs")
    round = models.PositiveSmallIntegerField("轮次")
    stage = models.CharField("环节", max_length=20, choices=STAGES)
    decision = models.CharField("意见", max_length=10, choices=[("approve", "同意"), ("return", "退回")])
    comment = models.TextField("意见说明", blank=True)
    on = models.DateField("日期")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审签人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "审签记录"
        verbose_name_plural = verbose_name
        ordering = ["created_at", "id"]


class LetterTemplate(models.Model):
    """The text of a letter as data (DESIGN.md principle 2): placeholders in ``{braces}`` are filled
    from the application (see ``letters.placeholders``)."""

    code = models.SlugField("代码", max_length=40, primary_key=True)
    name = models.CharField("名称", max_length=60)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    legal_basis = models.TextField("法律依据", blank=True)
    remedy = models.BooleanField("告知救济途径", default=True)
    number_kind = models.CharField("发文字号序列", max_length=40, blank=True,
                                   help_text="core.NumberPattern 的种类；留空则不编发文字号")

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = verbose_name
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Letter(models.Model):
    """A letter issued on an application: its text is fixed when issued; DOCX/PDF are made from it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="+")
    name = models.CharField("文书名称", max_length=60)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    issued_on = models.DateField("落款日期")
    document_number = models.CharField("发文字号", max_length=60, blank=True)
    public = models.BooleanField("申请人可见", default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "文书"
        verbose_name_plural = verbose_name
        ordering = ["issued_on", "id"]


def scan_path(instance: Scan, filename: str) -> str:
    return f"applications/{instance.application.number}/{filename}"


class Scan(models.Model):
    """A scan of a paper application, letter, fax or record of a visit (Art. 14, 19)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scans")
    file = models.FileField("文件", upload_to=scan_path)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "申请材料扫描件"
        verbose_name_plural = verbose_name
        ordering = ["created_at", "id"]


class Contest(models.Model):
    """An administrative reconsideration or litigation against an answer (Art. 21), kept by the legal
    corps; counted in the annual report's table 四."""

    KINDS = [
        ("reconsideration", "行政复议"),
        ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
        ("litigation_after", "行政诉讼（复议后起诉）"),
    ]
    RESULTS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")]

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="contests")
    kind = models.CharField("类型", max_length=30, choices=KINDS)
    filed_on = models.DateField("提起日期")
    result = models.CharField("结果", max_length=20, choices=RESULTS, default="pending")
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "行政复议和行政诉讼"
        verbose_name_plural = verbose_name
        ordering = ["filed_on", "id"]


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
        constraints = [models.UniqueConstraint(fields=["year", "item"], name="annual_figure_once_per_year")]

    @staticmethod
    def plain(value: Decimal) -> str:
        """A figure as people write it: ``12.35``, ``1520`` (no trailing zeros, no exponent)."""
        return f"{value.normalize():f}"
