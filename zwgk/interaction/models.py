"""Police–public interaction (Ch. 5–6): citizen messages of the director's mailbox (Art. 28–32) and
of the government new-media accounts (Art. 33–38), with the word lists and reply templates as data."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.org.models import Department
from zwgk.workdays.models import Deadline, PolicyProfile


class MessageKind(models.TextChoices):
    """The four kinds of citizen message of the director's mailbox (Art. 28)."""

    CONSULTATION = "consultation", "业务咨询"
    COMPLAINT = "complaint", "监督投诉"
    TIP_OFF = "tip_off", "线索举报"
    SUGGESTION = "suggestion", "意见建议"


class Complexity(models.TextChoices):
    """How involved a message is; the reply limit depends on it (Art. 31, 37)."""

    SIMPLE = "simple", "内容情节较简单"
    COMPLEX = "complex", "内容情节较复杂"
    MAJOR = "major", "重大疑难"


class Channel(models.TextChoices):
    MAILBOX = "mailbox", "厅长信箱"
    NEW_MEDIA = "new_media", "政务新媒体"


class MessageStatus(models.TextChoices):
    """The states of ``services.TABLE`` (a test checks they are the same)."""

    RECEIVED = "received", "已受理，待分办"
    ROUTED = "routed", "办理中"
    AWAITING_LEGAL = "awaiting_legal", "答复法制审核中"
    AWAITING_HEAD = "awaiting_head", "答复待部门负责人审批"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已办结（不予答复）"


# Older names, kept for the forms.
KINDS = MessageKind.choices
KIND_LABELS = dict(KINDS)
COMPLEXITIES = Complexity.choices
COMPLEXITY_LABELS = dict(COMPLEXITIES)


class WordList(models.Model):
    """A list of words the intake looks for, as data (editable in the workbench and the admin).

    ``emergency``: a report needing 110 (Art. 34); ``abusive``: abuse, no reply needed (Art. 35);
    ``hostile``: illegal or hostile content for the cyber security corps (Art. 35); ``police``:
    words that make a complaint one about the police, for the inspection corps (Art. 35);
    ``legal``: words that make a reply touch laws or policies (Art. 29, legal review suggested).
    """

    EMERGENCY, ABUSIVE, HOSTILE, POLICE, LEGAL = "emergency", "abusive", "hostile", "police", "legal"
    KINDS = [
        (EMERGENCY, "报警类（引导拨打110）"),
        (ABUSIVE, "谩骂性言论"),
        (HOSTILE, "违法有害信息（通报网安）"),
        (POLICE, "涉警投诉（督察）"),
        (LEGAL, "涉及法规政策（法制审核）"),
    ]
    kind = models.CharField("类别", max_length=20, choices=KINDS, unique=True)
    words = models.TextField("词语", blank=True, help_text="每行一个，或以空格、逗号分隔")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "词表"
        verbose_name_plural = verbose_name
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()

    def word_list(self) -> list[str]:
        text = self.words.replace("，", ",").replace("、", ",").replace(",", " ")
        return sorted({w for w in text.split() if w})


class ReplyTemplate(models.Model):
    """A reply template per kind of message (Art. 30: 语言准确，语气尊重，态度谦和), as data."""

    kind = models.CharField("信息类别", max_length=20, choices=KINDS, blank=True, help_text="留空表示各类")
    name = models.CharField("名称", max_length=60)
    text = models.TextField("模板内容")
    order = models.PositiveSmallIntegerField("排序", default=100)

    class Meta:
        verbose_name = "答复模板"
        verbose_name_plural = verbose_name
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class PlatformAccount(models.Model):
    """A government new-media account (“两微一端”, Ch. 6): platform and account name."""

    platform = models.CharField("平台", max_length=30, help_text="微信、微博、抖音、今日头条等")
    name = models.CharField("账号名称", max_length=100)
    department = models.ForeignKey(
        Department, verbose_name="运维部门", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "政务新媒体账号"
        verbose_name_plural = verbose_name
        ordering = ["platform", "name"]
        constraints = [models.UniqueConstraint(fields=["platform", "name"], name="platform_account_unique")]

    def __str__(self) -> str:
        return f"{self.platform}·{self.name}"


class HeadApprovalRuleQuerySet(models.QuerySet):
    def applies_to(self, message: Message) -> bool:
        return self.filter(models.Q(kind="") | models.Q(kind=message.kind),
                           models.Q(complexity="") | models.Q(complexity=message.complexity)).exists()


class HeadApprovalRule(models.Model):
    """Which replies need the department head's approval before they are sent and shown (Art. 29:
    一把手负责制), as data: a reply needs it when a rule matches the message's kind (blank: any kind)
    and complexity (blank: any). Seeded with complaints, tip-offs and every major message."""

    kind = models.CharField("信息类别", max_length=20, choices=MessageKind.choices, blank=True,
                            help_text="留空表示各类")
    complexity = models.CharField("情节", max_length=10, choices=Complexity.choices, blank=True,
                                  help_text="留空表示各种情节")

    objects = HeadApprovalRuleQuerySet.as_manager()

    class Meta:
        verbose_name = "须部门负责人审批的答复"
        verbose_name_plural = verbose_name
        constraints = [
            models.UniqueConstraint(fields=["kind", "complexity"], name="head_approval_rule_unique"),
            models.CheckConstraint(condition=~models.Q(kind="", complexity=""), name="head_approval_rule_not_all"),
        ]

    def __str__(self) -> str:
        kind = self.get_kind_display() if self.kind else "各类信息"
        return f"{kind}·{self.get_complexity_display()}" if self.complexity else kind


class Message(Deadline):
    """One citizen message (网民信息): from the director's mailbox or a new-media account.

    Stored and numbered before it is acknowledged; its status changes only through the services
    (TransitionTable in ``services.TABLE``). ``due_on`` is the reply limit of Art. 31 / Art. 37,
    counted from ``received_on``; overdue is derived from it.
    """

    MAILBOX, NEW_MEDIA = Channel.MAILBOX, Channel.NEW_MEDIA
    RECEIVED, ROUTED, ANSWERED, CLOSED = (MessageStatus.RECEIVED, MessageStatus.ROUTED, MessageStatus.ANSWERED,
                                          MessageStatus.CLOSED)
    AWAITING_LEGAL, AWAITING_HEAD = MessageStatus.AWAITING_LEGAL, MessageStatus.AWAITING_HEAD
    OPEN = (RECEIVED, ROUTED, AWAITING_LEGAL, AWAITING_HEAD)

    number = models.CharField("编号", max_length=40, unique=True)
    query_code_hash = models.CharField("查询码摘要", max_length=64, blank=True)
    channel = models.CharField("渠道", max_length=20, choices=Channel.choices, default=Channel.MAILBOX)
    kind = models.CharField("信息类别", max_length=20, choices=MessageKind.choices)
    complexity = models.CharField("情节", max_length=10, choices=Complexity.choices, default=Complexity.SIMPLE)
    triaged = models.BooleanField("已定性", default=False)
    # Art. 31: a department may ask for another complexity; the office decides (one request at a time).
    reclassification_complexity = models.CharField("申请调整情节", max_length=10, choices=Complexity.choices,
                                                   blank=True)
    reclassification_reason = models.CharField("申请理由", max_length=300, blank=True)
    reclassification_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField("状态", max_length=20, choices=MessageStatus.choices, default=MessageStatus.RECEIVED,
                              db_index=True)
    # The time limits the message is counted under (froide keeps the law on each request): a later
    # change of the setting does not move the deadlines of messages already received.
    policy_profile = models.ForeignKey(PolicyProfile, verbose_name="时限规则", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    name = models.CharField("姓名", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True, db_index=True)
    id_number = models.CharField("身份证号码", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    public_allowed = models.BooleanField("同意公开显示", default=True, help_text="第三十二条")
    withheld = models.BooleanField("不予公开显示", default=False, help_text="涉密、涉敏感信息不公开显示")
    received_at = models.DateTimeField("收到时间", default=timezone.now)
    received_on = models.DateField("受理日期", db_index=True)
    department = models.ForeignKey(
        Department, verbose_name="承办部门", null=True, blank=True, on_delete=models.PROTECT, related_name="messages"
    )
    suggested_department = models.ForeignKey(
        Department, verbose_name="建议承办部门", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    suggestion_reason = models.CharField("建议依据", max_length=300, blank=True)
    routed_on = models.DateField("分办日期", null=True, blank=True)
    # Art. 34, 35: what the intake recognised.
    emergency = models.BooleanField("疑似报警", default=False, db_index=True)
    emergency_acknowledged = models.BooleanField("报警提示已处置", default=False)
    abusive = models.BooleanField("谩骂性言论", default=False)
    hostile = models.BooleanField("违法有害信息", default=False)
    flagged_words = models.JSONField("命中词语", default=dict, blank=True)
    # Art. 29: passed on by the party and government (e.g. 人民网·地方领导留言板), collective review.
    passed_on = models.BooleanField("党委政府交办", default=False)
    passed_on_source = models.CharField("交办来源", max_length=100, blank=True)
    collective_review_on = models.DateField("集体研究日期", null=True, blank=True)
    collective_review_note = models.TextField("集体研究意见", blank=True)
    # The answer; a draft waits for the legal corps when it touches laws or policies (Art. 29).
    draft_reply = models.TextField("拟答复内容", blank=True)
    draft_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="拟稿人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    legal_opinion = models.TextField("法制审核意见", blank=True)
    head_opinion = models.TextField("部门负责人审批意见", blank=True)
    head_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    reply = models.TextField("答复内容", blank=True)
    replied_at = models.DateTimeField("答复时间", null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="答复人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    closed_reason = models.CharField("办结说明", max_length=200, blank=True)
    # New media (Ch. 6).
    account = models.ForeignKey(
        PlatformAccount, verbose_name="新媒体账号", null=True, blank=True, on_delete=models.PROTECT,
        related_name="messages",
    )
    external_id = models.CharField("平台留言编号", max_length=100, blank=True)
    author = models.CharField("网民昵称", max_length=100, blank=True)
    posted_at = models.DateTimeField("留言时间", null=True, blank=True)

    class Meta:
        verbose_name = "网民信息"
        verbose_name_plural = verbose_name
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "external_id"], condition=~models.Q(external_id=""), name="message_external_unique"
            )
        ]
        indexes = [models.Index(fields=["status", "department", "due_on"], name="message_queue")]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def due_state(self, soon: date | None = None) -> str:
        """``overdue``, ``due_soon``, ``due`` or ``""`` (answered, closed): derived from ``due_on`` by the
        working-day engine (DESIGN.md principle 3), never stored. Pass ``soon`` for many at once."""
        from zwgk.workdays import services as workdays

        if not self.is_open or self.due_on is None:
            return ""
        today = timezone.localdate()
        if soon is None and self.due_on >= today:
            soon = workdays.soon_limit(today, profile=self.policy_profile_id)
        return workdays.due_state(self.due_on, today, soon=soon)

    @property
    def overdue(self) -> bool:
        return self.due_state(soon=timezone.localdate()) == "overdue"

    @property
    def due_label(self) -> str:
        from zwgk.workdays.services import DUE_STATE_LABELS

        state = getattr(self, "due", None)
        state = self.due_state() if state is None else state
        return DUE_STATE_LABELS[state] if state in ("overdue", "due_soon") else ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def needs_collective_review(self) -> bool:
        """Art. 29: passed-on messages and major, difficult ones are studied collectively."""
        return self.passed_on or self.complexity == Complexity.MAJOR

    @property
    def needs_head_approval(self) -> bool:
        """Art. 29 (一把手负责制): the kinds and complexities of ``HeadApprovalRule`` (policy data)."""
        return HeadApprovalRule.objects.applies_to(self)

    @property
    def reclassification_pending(self) -> bool:
        return bool(self.reclassification_complexity)

    @property
    def shown_publicly(self) -> bool:
        """Art. 32: an answered message is shown unless the sender said no (or it is withheld)."""
        return (self.status == MessageStatus.ANSWERED and self.public_allowed and not self.withheld
                and not self.abusive and not self.hostile)

    @property
    def sender_label(self) -> str:
        return self.name or self.author or "网民"


class ManualMask(models.Model):
    """A mask added by hand before a message goes public (Art. 32): a span of one field, or a text
    fragment masked wherever it occurs in the message. Applied on every public render."""

    FIELDS = [("title", "标题"), ("body", "内容"), ("reply", "答复")]
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="manual_masks")
    field = models.CharField("字段", max_length=10, choices=FIELDS, blank=True, help_text="留空表示各字段")
    fragment = models.CharField("屏蔽文字", max_length=200, blank=True)
    start = models.PositiveIntegerField("起", null=True, blank=True)
    end = models.PositiveIntegerField("止", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="添加人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("添加时间", auto_now_add=True)

    class Meta:
        verbose_name = "人工屏蔽"
        verbose_name_plural = verbose_name
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.fragment or f"{self.field}[{self.start}:{self.end}]"


class Satisfaction(models.TextChoices):
    """How the sender rates the answer (满意度评价): feeds the assessment (Art. 42, annex 5)."""

    SATISFIED = "satisfied", "满意"
    BASICALLY_SATISFIED = "basically_satisfied", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class MessageRating(models.Model):
    """The sender's one rating of an answered message, with an optional comment."""

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="rating")
    satisfaction = models.CharField("满意度", max_length=20, choices=Satisfaction.choices)
    comment = models.TextField("评价意见", blank=True)
    rated_at = models.DateTimeField("评价时间", default=timezone.now)

    class Meta:
        verbose_name = "答复满意度评价"
        verbose_name_plural = verbose_name
        ordering = ["-rated_at", "-id"]

    @property
    def satisfied(self) -> bool:
        return self.satisfaction in (Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED)
