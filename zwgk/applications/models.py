"""Disclosure on application (依申请公开, Ch. 3, Art. 11–21): the application and its clock, transfer
slips, third-party consultations, extension requests, the sign-off chain, letters and their
templates, scans of paper applications, and reconsideration / litigation records.

Every enumeration is a ``TextChoices`` here: the model fields, the forms and the API's ``Literal``s
all take their values from these classes (issue 8)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zwgk.events.services import event_names
from zwgk.org.models import Department
from zwgk.workdays.models import Deadline


class ApplicantType(models.TextChoices):
    NATURAL_PERSON = "natural_person", "公民"
    LEGAL_PERSON = "legal_person", "法人或其他组织"


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    TRAVEL_PERMIT = "travel_permit", "港澳台居民通行证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER = "other", "其他身份证明"


class OrganizationType(models.TextChoices):
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_INTEREST = "public_interest", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER = "other", "其他"


class Delivery(models.TextChoices):
    PAPER = "paper", "纸质（邮寄）"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    ONLINE = "online", "网上查看"


class Channel(models.TextChoices):
    ONLINE = "online", "网上申请"
    IN_PERSON = "in_person", "当面提交"
    MAIL = "mail", "信函"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"


class Outcome(models.TextChoices):
    """Art. 16 (一)–(九) and the annual report's table 三."""

    ALREADY_PUBLIC = "already_public", "已主动公开"
    DISCLOSED = "disclosed", "予以公开"
    PARTLY_DISCLOSED = "partly_disclosed", "部分公开"
    NOT_DISCLOSED = "not_disclosed", "不予公开"
    NOT_HELD = "not_held", "本机关不掌握相关政府信息"
    NOT_OURS = "not_ours", "不属于本机关公开范围"
    NEEDS_CREATION = "needs_creation", "没有现成信息需要另行制作"
    STILL_UNCLEAR = "still_unclear", "补正后申请内容仍不明确"
    NOT_AN_APPLICATION = "not_an_application", "信访举报投诉类申请"
    DUPLICATE = "duplicate", "重复申请"
    PUBLICATION = "publication", "要求提供公开出版物"
    EXCESSIVE = "excessive", "无正当理由大量反复申请"
    CONFIRMATION_REQUEST = "confirmation_request", "要求行政机关确认或重新出具已获取信息"
    ARCHIVED = "archived", "已移交档案馆"


class Reason(models.TextChoices):
    """Why information is withheld (Art. 9; table 三 (三)); the article each rests on is data
    (``data/legal_basis.json``)."""

    STATE_SECRET = "state_secret", "属于国家秘密"
    LAW_FORBIDS = "law_forbids", "其他法律行政法规禁止公开"
    SECURITY_STABILITY = "security_stability", "危及“三安全一稳定”"
    THIRD_PARTY_RIGHTS = "third_party_rights", "保护第三方合法权益"
    INTERNAL_AFFAIRS = "internal_affairs", "属于三类内部事务信息"
    PROCESS_INFORMATION = "process_information", "属于四类过程性信息"
    ENFORCEMENT_FILES = "enforcement_files", "属于行政执法案卷"
    ADMINISTRATIVE_QUERY = "administrative_query", "属于行政查询事项"


class AbandonReason(models.TextChoices):
    NO_SUPPLEMENT = "no_supplement", "申请人无正当理由逾期不补正"
    FEE_UNPAID = "fee_unpaid", "申请人逾期未按收费通知要求缴纳费用"


class Review(models.TextChoices):
    """Reviews a draft may need before the office (Art. 20 ¶2)."""

    SECRECY = "secrecy", "厅保密办涉密审核"
    LEGAL = "legal", "法制总队涉法审核"


class Stage(models.TextChoices):
    """The steps of the Art. 20 chain, in order."""

    DEPT_HEAD = "dept_head", "承办部门负责人审核"
    SECRECY = "secrecy", "厅保密办涉密审核"
    LEGAL = "legal", "法制总队涉法审核"
    OFFICE = "office", "办公室核稿"
    LEADER = "leader", "分管厅领导审签"


class Decision(models.TextChoices):
    APPROVE = "approve", "同意"
    RETURN = "return", "退回"


class ContestKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"


class ContestResult(models.TextChoices):
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class ExtensionState(models.TextChoices):
    PENDING = "pending", "待办公室负责人审批"
    APPROVED = "approved", "已同意"
    REFUSED = "refused", "不同意"


class ConsultationState(models.TextChoices):
    """What a third-party consultation shows (Art. 18): a passed deadline is a state of its own."""

    OPEN = "open", "等待第三方答复"
    EXPIRED = "expired", "逾期未答复"
    REPLIED = "replied", "第三方已答复"


class Status(models.TextChoices):
    RECEIVED = "received", "已登记，待初审"
    AWAITING_SUPPLEMENT = "awaiting_supplement", "待补正"
    TRANSFERRED = "transferred", "办理中"
    IN_SIGNOFF = "in_signoff", "答复审签中"
    SIGNED_OFF = "signed_off", "审签完毕，待答复"
    ANSWERED = "answered", "已答复"
    WITHDRAWN = "withdrawn", "已撤回"
    ABANDONED = "abandoned", "视为放弃申请"


# The (code, label) lists some readers (forms, the annual report) take.
APPLICANT_TYPES = ApplicantType.choices
ID_TYPES = IdType.choices
ORGANIZATION_TYPES = OrganizationType.choices
DELIVERIES = Delivery.choices
CHANNELS = Channel.choices
OUTCOMES = Outcome.choices
NOT_DISCLOSED_REASONS = Reason.choices
ABANDON_REASONS = AbandonReason.choices


class ApplicationEvent(models.TextChoices):
    """Every event recorded on an application, with the label the timeline shows."""

    SUBMIT = "submit", "提交"
    REQUEST_SUPPLEMENT = "request_supplement", "告知补正"
    RESUBMIT = "resubmit", "补正后重新提交"
    TRANSFER = "transfer", "转办"
    CONSULT_THIRD_PARTY = "consult_third_party", "征求第三方意见"
    THIRD_PARTY_REPLIED = "third_party_replied", "第三方答复"
    THIRD_PARTY_EXPIRED = "third_party_expired", "第三方逾期未答复"
    DECIDE_PUBLIC_INTEREST = "decide_public_interest", "决定公开（公共利益）"
    REQUEST_EXTENSION = "request_extension", "申请延期"
    APPROVE_EXTENSION = "approve_extension", "同意延期"
    REFUSE_EXTENSION = "refuse_extension", "不同意延期"
    EXTEND = "extend", "延期答复"
    DRAFT_REPLY = "draft_reply", "拟定答复"
    SIGN_OFF = "sign_off", "审签"
    REPLY = "reply", "答复"
    WITHDRAW = "withdraw", "撤回申请"
    ABANDON = "abandon", "视为放弃申请"
    ATTACH_REPLY_FILE = "attach_reply_file", "添加答复附件"
    REMOVE_REPLY_FILE = "remove_reply_file", "删除答复附件"
    ATTACH_SCAN = "attach_scan", "上传扫描件"
    RECORD_CONTEST = "record_contest", "登记复议诉讼"
    DECIDE_CONTEST = "decide_contest", "复议诉讼审结"
    DEADLINE_RECOUNTED = "deadline_recounted", "期限重新计算"


def default_policy_profile() -> str:
    return settings.ZWGK_POLICY_PROFILE


class Application(Deadline):
    """One application for disclosure (Art. 13), numbered at once (Art. 15) and answered on the
    statutory working-day clock (Art. 15, 18). ``due_on`` (from Deadline) is the reply deadline;
    it is null while the applicant is asked to supplement."""

    RECEIVED, AWAITING_SUPPLEMENT, TRANSFERRED = Status.RECEIVED, Status.AWAITING_SUPPLEMENT, Status.TRANSFERRED
    IN_SIGNOFF, SIGNED_OFF = Status.IN_SIGNOFF, Status.SIGNED_OFF
    ANSWERED, WITHDRAWN, ABANDONED = Status.ANSWERED, Status.WITHDRAWN, Status.ABANDONED
    STATUSES = Status.choices
    OPEN = (RECEIVED, AWAITING_SUPPLEMENT, TRANSFERRED, IN_SIGNOFF, SIGNED_OFF)
    CLOSED = (ANSWERED, WITHDRAWN, ABANDONED)

    number = models.CharField("编号", max_length=40, unique=True)
    query_code_hash = models.CharField("查询码摘要", max_length=64)
    status = models.CharField("状态", max_length=30, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices)
    name = models.CharField("申请人姓名或名称", max_length=100)
    id_type = models.CharField("身份证明类型", max_length=20, choices=IdType.choices)
    id_number = models.CharField("证件号码", max_length=40, db_index=True)
    organization = models.CharField("工作单位或组织名称", max_length=200, blank=True)
    organization_type = models.CharField("组织类型", max_length=20, choices=OrganizationType.choices, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    description = models.TextField("所需信息的名称、文号或特征性描述")
    purpose = models.TextField("用途", blank=True)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=Delivery.choices)
    fee_waiver_requested = models.BooleanField("申请减免费用", default=False)
    channel = models.CharField("申请渠道", max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    received_on = models.DateField("收到申请日期", db_index=True)
    # froide keeps the law on each request: the time limits this case is counted under, fixed at
    # intake, so that changing ZWGK_POLICY_PROFILE later does not change old cases.
    policy_profile = models.CharField("时限规则", max_length=40, default=default_policy_profile)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", default=timezone.now)
    # Art. 15: one supplement notice within 7 working days; the clock restarts on resubmission.
    supplement_requested_on = models.DateField("补正告知日期", null=True, blank=True)
    supplement_items = models.JSONField("需补正事项", default=list, blank=True)
    # The last day to supplement, stated in the notice (policy ``supplement_days`` working days from
    # it); after it the daily job closes the case as abandoned (视为放弃, national regulation Art. 30).
    supplement_due_on = models.DateField("补正期限", null=True, blank=True, db_index=True)
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
    draft_outcome = models.CharField("拟答复类型", max_length=30, choices=Outcome.choices, blank=True)
    draft_reason = models.CharField("拟答复理由", max_length=30, choices=Reason.choices, blank=True)
    draft_legal_basis = models.TextField("拟答复法律依据", blank=True)
    draft_content = models.TextField("拟答复内容", blank=True)
    draft_other_body = models.JSONField("拟告知的公开机关", default=dict, blank=True)
    draft_reviews = models.JSONField("需审核", default=list, blank=True)
    draft_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="拟稿人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_on = models.DateField("拟稿日期", null=True, blank=True)
    signoff_round = models.PositiveSmallIntegerField("审签轮次", default=0)
    # Endings (the annual report's table 三).
    outcome = models.CharField("答复类型", max_length=30, choices=Outcome.choices, blank=True)
    reason = models.CharField("理由", max_length=30, choices=Reason.choices, blank=True)
    legal_basis = models.TextField("法律依据", blank=True)
    reply_content = models.TextField("答复内容", blank=True)
    other_body = models.JSONField("告知的公开机关", default=dict, blank=True)
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

    def chain(self) -> list[str]:
        """The Art. 20 chain of this draft: head, the reviews it needs, office, leader."""
        reviews = [r for r in Review.values if r in (self.draft_reviews or [])]
        return [Stage.DEPT_HEAD, *reviews, Stage.OFFICE, Stage.LEADER]

    def pending_stage(self) -> str | None:
        """The next stage of the Art. 20 chain in the current round, or None when none is due."""
        if self.status != Status.IN_SIGNOFF:
            return None
        done = set(self.signoffs.filter(round=self.signoff_round, decision=Decision.APPROVE)
                   .values_list("stage", flat=True))
        return next((stage for stage in self.chain() if stage not in done), None)

    def pending_extension(self) -> ExtensionRequest | None:
        return self.extension_requests.filter(state=ExtensionState.PENDING).first()

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
    # Art. 18: after a refusal or no answer, the office may still disclose in the public interest.
    public_interest_on = models.DateField("决定公开日期", null=True, blank=True)
    public_interest_reason = models.TextField("决定公开理由", blank=True)
    public_interest_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "征求第三方意见"
        verbose_name_plural = verbose_name
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application"], condition=Q(ended_on__isnull=True),
                                    name="one_open_consultation_per_application"),
        ]

    def state(self, today: date | None = None) -> str:
        """``expired`` once the third party's deadline has passed without an answer, whether or
        not the nightly run has ended the pause yet: never silence."""
        if self.ended_on is not None:
            return ConsultationState.EXPIRED if self.ended_by_expiry else ConsultationState.REPLIED
        today = today or timezone.localdate()
        if self.due_on is not None and self.due_on < today:
            return ConsultationState.EXPIRED
        return ConsultationState.OPEN

    def state_label(self, today: date | None = None) -> str:
        return ConsultationState(self.state(today)).label

    @property
    def may_disclose_in_public_interest(self) -> bool:
        """Art. 18: the third party refused or did not answer in time, and no decision yet."""
        return self.public_interest_on is None and (
            self.consent is False or self.state() == ConsultationState.EXPIRED
        )


class ExtensionRequest(models.Model):
    """Art. 15 ¶3: a request to extend the reply period, decided by the office head in their own
    session; until approved nothing moves."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="extension_requests")
    days = models.PositiveSmallIntegerField("延长工作日数")
    reason = models.TextField("延期理由")
    requested_on = models.DateField("申请日期")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=10, choices=ExtensionState.choices, default=ExtensionState.PENDING)
    decided_on = models.DateField("审批日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    decision_reason = models.TextField("不同意理由", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "延期申请"
        verbose_name_plural = verbose_name
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application"], condition=Q(state="pending"),
                                    name="one_pending_extension_request_per_application"),
        ]


class SignOff(models.Model):
    """One step of the Art. 20 chain: 部门负责人审核 → 厅保密办 / 法制总队审核 → 办公室核稿 → 分管厅领导审签."""

    STAGES = Stage.choices
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="signoffs")
    round = models.PositiveSmallIntegerField("轮次")
    stage = models.CharField("环节", max_length=20, choices=Stage.choices)
    decision = models.CharField("意见", max_length=10, choices=Decision.choices)
    comment = models.TextField("意见说明", blank=True)
    # sha256 of what this step approved (outcome, reason, legal basis, content, other body): the
    # reply issues exactly that (Art. 20).
    fingerprint = models.CharField("审签内容摘要", max_length=64, blank=True)
    on = models.DateField("日期")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审签人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "审签记录"
        verbose_name_plural = verbose_name
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "round", "stage"], condition=Q(decision="approve"),
                                    name="one_approval_per_stage_and_round"),
        ]


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
    # Fixed when issued, like the body: the article relied on and the remedy (Art. 16, 21).
    legal_basis = models.TextField("法律依据", blank=True)
    remedy = models.TextField("救济途径", blank=True)
    issued_on = models.DateField("落款日期")
    document_number = models.CharField("发文字号", max_length=60, blank=True)
    public = models.BooleanField("申请人可见", default=True)
    # The 附件 the letter lists, fixed when issued (GB/T 9704 7.3.4).
    attachment_names = models.JSONField("附件", default=list, blank=True)
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


def supplement_path(instance: SupplementFile, filename: str) -> str:
    return f"applications/{instance.supplement.application.number}/supplement/{filename}"


class Supplement(models.Model):
    """What the applicant sent to supplement the application (Art. 15 ¶2): online from the status
    page (text and files) or registered by the office; the clock restarts on the day received."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="supplements")
    text = models.TextField("补正内容")
    received_on = models.DateField("收到补正日期")
    online = models.BooleanField("网上补正", default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "补正材料"
        verbose_name_plural = verbose_name
        ordering = ["created_at", "id"]


class SupplementFile(models.Model):
    supplement = models.ForeignKey(Supplement, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("文件", upload_to=supplement_path)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小")

    class Meta:
        verbose_name = "补正材料文件"
        verbose_name_plural = verbose_name
        ordering = ["id"]


def reply_attachment_path(instance: ReplyAttachment, filename: str) -> str:
    return f"applications/{instance.application.number}/reply/{filename}"


class ReplyAttachment(models.Model):
    """A file of the disclosed information sent with the reply (Art. 16 (二)(五)): attached while the
    answer is drafted, covered by the sign-off fingerprint (Art. 20), listed in the letter as
    附件 and downloadable by the applicant once the letter is issued."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reply_attachments")
    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments")
    file = models.FileField("文件", upload_to=reply_attachment_path)
    name = models.CharField("附件名称", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "答复附件"
        verbose_name_plural = verbose_name
        ordering = ["created_at", "id"]

    @property
    def title(self) -> str:
        """The name the letter lists (GB/T 9704 7.3.4: the attachment's name, no file extension)."""
        return self.name.rsplit(".", 1)[0]


class Contest(models.Model):
    """An administrative reconsideration or litigation against an answer (Art. 21), kept by the legal
    corps; counted in the annual report's table 四."""

    KINDS = ContestKind.choices
    RESULTS = ContestResult.choices

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="contests")
    kind = models.CharField("类型", max_length=30, choices=ContestKind.choices)
    filed_on = models.DateField("提起日期")
    result = models.CharField("结果", max_length=20, choices=ContestResult.choices, default=ContestResult.PENDING)
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


event_names(Application)(ApplicationEvent)
