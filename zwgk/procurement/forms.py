"""Workbench forms of procurement (Art. 23): each maps to one service and its body schema."""

from __future__ import annotations

from django import forms

from zwgk.core.forms import ChineseForm
from zwgk.procurement.models import PartyKind, ProcurementMethod

MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class ProjectForm(ChineseForm):
    title = forms.CharField(label="项目名称", max_length=200)
    method = forms.ChoiceField(label="采购方式", choices=ProcurementMethod.choices)
    budget = forms.DecimalField(label="预算金额（元）", **MONEY)
    agency_name = forms.CharField(label="采购代理机构（可不填）", required=False, max_length=200)
    agency_code = forms.CharField(label="代理机构统一社会信用代码", required=False, max_length=18)
    on = forms.DateField(label="立项日期")


class NoticeForm(ChineseForm):
    notice_on = forms.DateField(label="公告日期")
    bid_deadline = forms.DateField(label="投标（响应）截止日期")
    notice_text = forms.CharField(label="公告内容", widget=forms.Textarea, max_length=20000)


class ResultForm(ChineseForm):
    result_on = forms.DateField(label="结果公告日期")
    supplier_name = forms.CharField(label="中标（成交）供应商", max_length=200)
    supplier_code = forms.CharField(label="供应商统一社会信用代码", max_length=18)
    award_amount = forms.DecimalField(label="中标（成交）金额（元）", **MONEY)


class ContractForm(ChineseForm):
    contract_on = forms.DateField(label="合同签订日期")
    contract_number = forms.CharField(label="合同编号", max_length=100)
    contract_amount = forms.DecimalField(label="合同金额（元）", **MONEY)
    performance_from = forms.DateField(label="履约开始日期")
    performance_to = forms.DateField(label="履约截止日期")


class AcceptanceForm(ChineseForm):
    acceptance_on = forms.DateField(label="验收日期")
    acceptance_passed = forms.TypedChoiceField(label="验收结论", choices=[("1", "合格"), ("0", "不合格")],
                                               coerce=lambda v: v == "1")
    acceptance_note = forms.CharField(label="验收情况", widget=forms.Textarea, max_length=5000)


class TerminateForm(ChineseForm):
    reason = forms.CharField(label="终止原因", widget=forms.Textarea, max_length=2000)


ACTION_FORMS: dict[str, type[forms.Form]] = {
    "publish_notice": NoticeForm, "publish_result": ResultForm, "record_contract": ContractForm,
    "record_acceptance": AcceptanceForm, "terminate": TerminateForm,
}


class CreditForm(ChineseForm):
    party_kind = forms.ChoiceField(label="主体类型", choices=PartyKind.choices)
    name = forms.CharField(label="名称", max_length=200)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18)
    conduct = forms.CharField(label="不良行为", widget=forms.Textarea, max_length=5000)
    penalty = forms.CharField(label="处理结果", max_length=300)
    authority = forms.CharField(label="作出机关", max_length=100)
    document_number = forms.CharField(label="文书编号", max_length=100)
    decided_on = forms.DateField(label="认定日期")
    valid_until = forms.DateField(label="公示截止日期（可不填）", required=False)
    project = forms.CharField(label="关联采购项目编号（可不填）", required=False, max_length=40)
