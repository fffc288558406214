"""Procurement projects through their stages and the bad-credit records of suppliers and tender
agencies (Art. 23), kept by the logistics department as structured data."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ProcurementMethod(models.TextChoices):
    """采购方式 (《政府采购法》第二十六条, 财政部令第74号)."""

    OPEN_TENDER = "open_tender", "公开招标"
    INVITED_TENDER = "invited_tender", "邀请招标"
    NEGOTIATION = "negotiation", "竞争性谈判"
    CONSULTATION = "consultation", "竞争性磋商"
    SINGLE_SOURCE = "single_source", "单一来源采购"
    INQUIRY = "inquiry", "询价"


class ProcurementProject(models.Model):
    """A government procurement project of the department (Art. 23: 政府采购活动相关信息公开),
    from the notice (采购公告) to the result (采购结果), the contract (合同) and its performance
    and acceptance (履约验收); each stage an action of ``services.TABLE``."""

    PLANNED, NOTICED, AWARDED, CONTRACTED, ACCEPTED, TERMINATED = (
        "planned", "noticed", "awarded", "contracted", "accepted", "terminated")
    STATUSES = [(PLANNED, "已立项"), (NOTICED, "已发布采购公告"), (AWARDED, "已公告采购结果"),
                (CONTRACTED, "已签订合同"), (ACCEPTED, "已履约验收"), (TERMINATED, "已终止")]

    number = models.CharField("项目编号", max_length=40, unique=True)
    title = models.CharField("项目名称", max_length=200)
    method = models.CharField("采购方式", max_length=20, choices=ProcurementMethod.choices)
    budget = models.DecimalField("预算金额（元）", max_digits=14, decimal_places=2)
    status = models.CharField("状态", max_length=20, choices=STATUSES, default=PLANNED, db_index=True)
    agency_name = models.CharField("采购代理机构", max_length=200, blank=True)
    agency_code = models.CharField("代理机构统一社会信用代码", max_length=18, blank=True)
    # 采购公告
    notice_on = models.DateField("公告日期", null=True, blank=True)
    bid_deadline = models.DateField("投标（响应）截止日期", null=True, blank=True)
    notice_text = models.TextField("公告内容", blank=True)
    # 采购结果
    result_on = models.DateField("结果公告日期", null=True, blank=True)
    supplier_name = models.CharField("中标（成交）供应商", max_length=200, blank=True)
    supplier_code = models.CharField("供应商统一社会信用代码", max_length=18, blank=True)
    award_amount = models.DecimalField("中标（成交）金额（元）", max_digits=14, decimal_places=2, null=True,
                                       blank=True)
    # 合同
    contract_on = models.DateField("合同签订日期", null=True, blank=True)
    contract_number = models.CharField("合同编号", max_length=100, blank=True)
    contract_amount = models.DecimalField("合同金额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    performance_from = models.DateField("履约开始日期", null=True, blank=True)
    performance_to = models.DateField("履约截止日期", null=True, blank=True)
    # 履约验收
    acceptance_on = models.DateField("验收日期", null=True, blank=True)
    acceptance_passed = models.BooleanField("验收合格", null=True, blank=True)
    acceptance_note = models.TextField("验收情况", blank=True)
    terminated_reason = models.TextField("终止原因", blank=True)
    # The catalog entries that publish the stages (submitted for review when the stage is recorded).
    notice_entry = models.ForeignKey("catalog.Entry", verbose_name="采购公告信息", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    result_entry = models.ForeignKey("catalog.Entry", verbose_name="采购结果信息", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    contract_entry = models.ForeignKey("catalog.Entry", verbose_name="合同信息", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    acceptance_entry = models.ForeignKey("catalog.Entry", verbose_name="履约验收信息", null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "政府采购项目"
        verbose_name_plural = verbose_name
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class PartyKind(models.TextChoices):
    SUPPLIER = "supplier", "供应商"
    TENDER_AGENCY = "tender_agency", "招标代理机构"


class SupplierCreditRecord(models.Model):
    """A bad-credit record (不良信用记录) of a supplier or a tender agency (Art. 23: 不良信用记录
    公示; 招标代理机构资质动态管理信息), identified by its unified social credit code (GB 32100)."""

    party_kind = models.CharField("主体类型", max_length=20, choices=PartyKind.choices)
    name = models.CharField("名称", max_length=200)
    credit_code = models.CharField("统一社会信用代码", max_length=18, db_index=True)
    conduct = models.TextField("不良行为")
    penalty = models.CharField("处理结果", max_length=300)
    authority = models.CharField("作出机关", max_length=100)
    document_number = models.CharField("文书编号", max_length=100)
    decided_on = models.DateField("认定日期")
    valid_until = models.DateField("公示截止日期", null=True, blank=True)
    project = models.ForeignKey(ProcurementProject, verbose_name="关联采购项目", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="credit_records")
    entry = models.ForeignKey("catalog.Entry", verbose_name="公示信息", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "供应商及招标代理机构不良信用记录"
        verbose_name_plural = verbose_name
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.credit_code}）"
