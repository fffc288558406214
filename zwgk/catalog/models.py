"""Sections of the portal kept by departments (Art. 25, annex 4) and the categories of Art. 8."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.events.services import event_names
from zwgk.org.models import Department
from zwgk.workdays.models import Deadline


class Channel(models.TextChoices):
    """The portal's four channels, each holding sections."""

    DISCLOSURE = "disclosure", "警务公开"
    SERVICES = "services", "服务大厅"
    INTERACTION = "interaction", "警民互动"
    INTEGRITY = "integrity", "政务诚信"


class EntryStatus(models.TextChoices):
    """Where an entry stands in the review flow (Art. 4, 26); moves only through ``services.TABLE``."""

    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "审核中"
    SECRECY_REVIEW = "secrecy_review", "保密审查中"
    APPROVED = "approved", "待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class DisclosureMode(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_APPLICATION = "on_application", "依申请公开"


class DisclosureAttribute(models.TextChoices):
    """公开属性 (Art. 5, 26), set when drafting."""

    PUBLIC = "public", "此件公开发布"
    REDACTED = "redacted", "此件删减后公开"
    NOT_PUBLIC = "not_public", "此件不予公开"


class Validity(models.TextChoices):
    """Whether a published document is still in force; changes only through ``do_set_validity``."""

    VALID = "valid", "现行有效"
    AMENDED = "amended", "已修改"
    REPEALED = "repealed", "已废止"


class ReviewStage(models.TextChoices):
    CONTENT = "content", "内容审核和保密审查"
    SECRECY = "secrecy", "厅保密办审查"
    PUBLISH = "publish", "发布"


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", "同意公开"
    RETURN = "return", "退回修改"
    REFER_SECRECY = "refer_secrecy", "提交厅保密办审查"
    OVERRIDE = "override", "检查提示经确认后发布"


class Category(models.Model):
    """One of the 22 items of Art. 8 that the department discloses proactively."""

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=120)
    order = models.PositiveSmallIntegerField("序号")

    class Meta:
        verbose_name = "主动公开类别"
        verbose_name_plural = verbose_name
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A section (栏目) of the portal; the department that keeps it maintains its content (Art. 25)."""

    DISCLOSURE, SERVICES, INTERACTION, INTEGRITY = Channel.DISCLOSURE, Channel.SERVICES, Channel.INTERACTION, \
        Channel.INTEGRITY
    CHANNELS = Channel.choices

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=60)
    channel = models.CharField("频道", max_length=20, choices=CHANNELS, default=DISCLOSURE)
    department = models.ForeignKey(
        Department, verbose_name="维护部门", on_delete=models.PROTECT, related_name="sections"
    )
    description = models.CharField("说明", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=100)
    link = models.CharField(
        "栏目地址", max_length=200, blank=True,
        help_text="留空则显示本栏目的信息列表；填写站内地址（如 /apply/）则栏目链接到该页面",
    )

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = verbose_name
        ordering = ["channel", "order", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from zwgk.core.reversing import cached_reverse

        return self.link or cached_reverse("catalog:section", self.code)


class EntryQuerySet(models.QuerySet):
    def published(self) -> EntryQuerySet:
        return self.filter(status=Entry.PUBLISHED)


class Entry(Deadline):
    """A catalog entry (信息公开目录条目, Art. 8, 25, 26) from its draft to its publication.

    The metadata block of the seed page (索引号, 公开方式, 信息名称, 公开日期, 发布机构) are fields of
    this model. The deadline (``due_on``) is the publication limit counted from approval (Art. 26).
    """

    # the enumerations' members as attributes of the model, for the readers of ``Entry.PUBLISHED``
    DRAFT, IN_REVIEW, SECRECY_REVIEW = EntryStatus.DRAFT, EntryStatus.IN_REVIEW, EntryStatus.SECRECY_REVIEW
    APPROVED, PUBLISHED, WITHDRAWN = EntryStatus.APPROVED, EntryStatus.PUBLISHED, EntryStatus.WITHDRAWN
    STATUSES = EntryStatus.choices
    PROACTIVE, ON_APPLICATION = DisclosureMode.PROACTIVE, DisclosureMode.ON_APPLICATION
    MODES = DisclosureMode.choices
    PUBLIC, REDACTED, NOT_PUBLIC = DisclosureAttribute.PUBLIC, DisclosureAttribute.REDACTED, \
        DisclosureAttribute.NOT_PUBLIC
    ATTRIBUTES = DisclosureAttribute.choices
    VALID, AMENDED, REPEALED = Validity.VALID, Validity.AMENDED, Validity.REPEALED
    VALIDITIES = Validity.choices

    index_number = models.CharField("索引号", max_length=80, unique=True, null=True, blank=True)
    title = models.CharField("信息名称", max_length=300)
    publisher = models.CharField("发布机构", max_length=100)
    department = models.ForeignKey(
        Department, verbose_name="承办部门", on_delete=models.PROTECT, related_name="catalog_entries"
    )
    published_on = models.DateField("公开日期", null=True, blank=True)
    disclosure_mode = models.CharField("公开方式", max_length=20, choices=MODES, default=PROACTIVE)
    disclosure_attribute = models.CharField("公开属性", max_length=20, choices=ATTRIBUTES, default=PUBLIC)
    category = models.ForeignKey(
        Category, verbose_name="主动公开类别", on_delete=models.PROTECT, related_name="entries"
    )
    section = models.ForeignKey(Section, verbose_name="栏目", on_delete=models.PROTECT, related_name="entries")
    document_number = models.CharField("文号", max_length=100, blank=True)
    body = models.TextField("正文", blank=True, help_text="HTML，保存时已清理")
    redacted_body = models.TextField("删减后正文", blank=True, help_text="此件删减后公开时对外发布的正文")
    validity = models.CharField("效力", max_length=20, choices=VALIDITIES, default=VALID)
    repost_source = models.CharField("转载来源网站", max_length=200, blank=True)
    repost_at = models.DateTimeField("转载时间", null=True, blank=True)
    repost_url = models.URLField("转载链接", max_length=500, blank=True)
    central_document = models.BooleanField(
        "中央文件、国务院文件", default=False,
        help_text="全文、摘要或消息稿，只能从授权来源（人民日报、新华社、中国政府网或制发机关网站）转载（第三十九条）",
    )
    status = models.CharField("状态", max_length=20, choices=STATUSES, default=DRAFT)
    scheduled_for = models.DateTimeField("定时发布时间", null=True, blank=True, db_index=True)
    scheduled_override = models.TextField("定时发布的放行理由", blank=True)
    scan_findings = models.JSONField("发布前检查结果", default=list, blank=True)
    scanned_at = models.DateTimeField("检查时间", null=True, blank=True)
    search_tokens = models.TextField("检索词", blank=True, help_text="分词后的标题与正文（以空格分隔）")
    withdrawn_reason = models.TextField("撤回理由", blank=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self", verbose_name="替换为", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )
    imported = models.BooleanField("导入的存量信息", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="catalog_drafts",
    )
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = "目录条目"
        verbose_name_plural = verbose_name
        ordering = ["-published_on", "-id"]
        indexes = [
            # keyset browsing (newest first) over published entries, whole catalog and per filter
            models.Index(fields=["status", "published_on", "id"], name="entry_status_date"),
            models.Index(fields=["section", "status", "published_on", "id"], name="entry_section_date"),
            models.Index(fields=["category", "status", "published_on", "id"], name="entry_category_date"),
            models.Index(fields=["publisher", "status", "published_on", "id"], name="entry_publisher_date"),
            models.Index(fields=["department", "status"], name="entry_department_status"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from zwgk.core.reversing import cached_reverse

        if self.index_number:
            return cached_reverse("catalog:item", self.index_number)
        return cached_reverse("catalog_wb:detail", self.pk)

    @property
    def public_body(self) -> str:
        """What the public reads: the redacted version for 此件删减后公开 (Art. 26)."""
        return self.redacted_body if self.disclosure_attribute == self.REDACTED else self.body

    @property
    def is_repost(self) -> bool:
        return bool(self.repost_source or self.repost_url)


@event_names(Entry)
class EntryEvent(models.TextChoices):
    """What the timeline of an entry says (one tense; Chinese labels as a clerk reads them)."""

    DRAFTED = "drafted", "起草"
    DRAFT_CHANGED = "draft_changed", "修改草稿"
    ATTACHMENT_ADDED = "attachment_added", "添加附件"
    ATTACHMENT_REMOVED = "attachment_removed", "删除附件"
    SUBMITTED = "submitted", "提交审核"
    REVIEW_APPROVE = "review_approve", "同意公开"
    REVIEW_RETURN = "review_return", "退回修改"
    REVIEW_REFER_SECRECY = "review_refer_secrecy", "提交厅保密办审查"
    SCAN_OVERRIDDEN = "scan_overridden", "确认放行检查提示"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "发布"
    WITHDRAWN = "withdrawn", "撤回"
    VALIDITY_CHANGED = "validity_changed", "标记效力"
    IMPORTED = "imported", "导入存量信息"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"catalog/{instance.entry_id}/{instance.sha256[:16]}-{filename}"


class Attachment(models.Model):
    """A file published with an entry: PDF, DOCX, XLSX or an image, checked by its content."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("文件", upload_to=attachment_path, max_length=300)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    text = models.TextField("提取的文字", blank=True, help_text="供发布前检查")
    order = models.PositiveSmallIntegerField(default=0)
    redacted_of = models.OneToOneField(
        "self", verbose_name="删减前的原件", null=True, blank=True, on_delete=models.CASCADE,
        related_name="redacted_version",
        help_text="此件删减后公开：本文件是该原件删减后对外发布的版本（第五条、第二十六条）",
    )

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = verbose_name
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class ReviewRecord(models.Model):
    """One row of the review ledger (审核审查台账, Art. 4, annex 2): item, reviewer, date, opinion,
    whether secret, decision. Publishing over scan findings also leaves a row (the override reason)."""

    CONTENT, SECRECY, PUBLISH = ReviewStage.CONTENT, ReviewStage.SECRECY, ReviewStage.PUBLISH
    STAGES = ReviewStage.choices
    APPROVE, RETURN, REFER_SECRECY, OVERRIDE = (ReviewDecision.APPROVE, ReviewDecision.RETURN,
                                                ReviewDecision.REFER_SECRECY, ReviewDecision.OVERRIDE)
    DECISIONS = ReviewDecision.choices

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="ledger")
    item = models.CharField("审核事项", max_length=300)
    stage = models.CharField("环节", max_length=20, choices=STAGES)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, on_delete=models.PROTECT)
    reviewer_name = models.CharField("审核人", max_length=100)
    department_name = models.CharField("审核部门", max_length=100, blank=True)
    reviewed_on = models.DateField("审核日期")
    at = models.DateTimeField("时间", default=timezone.now)
    opinion = models.TextField("审核意见", blank=True)
    secret = models.BooleanField("是否涉密", default=False)
    decision = models.CharField("审核结论", max_length=20, choices=DECISIONS)
    higher_office = models.CharField("报上级保密部门审定情况", max_length=300, blank=True)
    findings = models.PositiveSmallIntegerField("检查提示数", default=0)
    accepted_findings = models.JSONField(
        "确认放行的检查提示", default=list, blank=True,
        help_text="放行发布时逐项确认的检查提示（编号、类型、摘录），第四条",
    )

    class Meta:
        verbose_name = "审核审查台账"
        verbose_name_plural = verbose_name
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.item} {self.get_decision_display()}"


class SensitiveWord(models.Model):
    """A word the pre-publication scan flags (Art. 4: 敏感信息), kept as data by the office."""

    word = models.CharField("敏感词", max_length=60, unique=True)
    note = models.CharField("说明", max_length=200, blank=True)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "敏感词"
        verbose_name_plural = verbose_name
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


@event_names(SensitiveWord)
class SensitiveWordEvent(models.TextChoices):
    ADDED = "word_added", "添加敏感词"
    CHANGED = "word_changed", "修改敏感词"
    REMOVED = "word_removed", "删除敏感词"


# -- external links and authorised sources (Art. 39, 40) --------------------------------------------


class TrustedDomain(models.Model):
    """A party or government domain (党政机关网站) that entries may link to without approval
    (Art. 40); ``gov.cn`` covers every ``*.gov.cn``. Kept as data by the office."""

    domain = models.CharField("域名", max_length=120, unique=True, help_text="如 gov.cn，含其全部下级域名")
    name = models.CharField("说明", max_length=120, blank=True)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "党政机关网站域名"
        verbose_name_plural = verbose_name
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


class LinkStatus(models.TextChoices):
    """Where a request for an external link stands (Art. 40); moves only through ``links.TABLE``."""

    REQUESTED = "requested", "待网安、科信部门会商"
    CONSULTED = "consulted", "待分管厅领导批准"
    APPROVED = "approved", "已批准"
    REFUSED = "refused", "不予批准"


class ExternalLink(models.Model):
    """The register of links to sites outside party and government domains (Art. 40: 需要链接非党政
    机关网站的，须经网安与科信部门会商后报分管厅领导批准). One row per host: once approved, every
    entry may link to that site; until then an entry holding such a link is not published."""

    REQUESTED, CONSULTED, APPROVED, REFUSED = (LinkStatus.REQUESTED, LinkStatus.CONSULTED, LinkStatus.APPROVED,
                                               LinkStatus.REFUSED)

    host = models.CharField("网站域名", max_length=253, unique=True)
    url = models.URLField("链接地址（示例）", max_length=500)
    purpose = models.CharField("链接用途", max_length=300, blank=True,
                               help_text="链接的资源应与政务公开等履行职能的活动有关，或者属于便民服务范围")
    entry = models.ForeignKey(Entry, verbose_name="提出链接的信息", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="link_requests")
    status = models.CharField("状态", max_length=20, choices=LinkStatus.choices, default=LinkStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="申请人", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间", default=timezone.now)
    consulted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="会商人（网安/科信）", null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    consulted_at = models.DateTimeField("会商时间", null=True, blank=True)
    consult_opinion = models.TextField("会商意见", blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="批准人（分管厅领导）", null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField("批准时间", null=True, blank=True)
    approve_opinion = models.TextField("批准意见", blank=True)

    class Meta:
        verbose_name = "外部链接登记"
        verbose_name_plural = verbose_name
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return self.host


@event_names(ExternalLink)
class ExternalLinkEvent(models.TextChoices):
    REQUESTED = "link_requested", "申请链接外部网站"
    CONSULTED = "link_consulted", "网安、科信部门会商同意"
    APPROVED = "link_approved", "分管厅领导批准"
    REFUSED = "link_refused", "不予批准"


class SourceKind(models.TextChoices):
    CENTRAL_MEDIA = "central_media", "中央新闻单位"
    STATE_COUNCIL = "state_council", "国务院网站"
    ISSUING_BODY = "issuing_body", "制发机关官方网站"


class AuthorisedSource(models.Model):
    """A site central documents (中央文件、国务院文件) may be reposted from (Art. 39: 应当从人民日报、
    新华社等中央新闻单位或国务院网站转载), or an issuing body's own site; kept as data."""

    name = models.CharField("来源名称", max_length=100)
    host = models.CharField("网站域名", max_length=253, unique=True, help_text="含其全部下级域名")
    kind = models.CharField("类型", max_length=20, choices=SourceKind.choices)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "中央文件授权转载来源"
        verbose_name_plural = verbose_name
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.host}）"
