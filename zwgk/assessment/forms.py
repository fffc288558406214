"""Workbench forms of accountability (Art. 43) and integrity (Art. 22): each maps to one service."""

from __future__ import annotations

from django import forms

from zwgk.assessment.models import Art43Item, DishonestySource
from zwgk.core.forms import ChineseForm
from zwgk.org.models import Department


class OpenCaseForm(forms.Form):
    item = forms.ChoiceField(label="问责情形（第四十三条）", choices=Art43Item.choices)
    department = forms.ChoiceField(label="被问责部门")
    person = forms.CharField(label="直接责任人员（用户名，可不填）", required=False, max_length=150)
    facts = forms.CharField(label="问题事实", widget=forms.Textarea, max_length=5000)
    linked_cases = forms.CharField(label="关联办件（编号或索引号，以空格分隔）", required=False, max_length=2000)
    on = forms.DateField(label="立案日期")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [(d.code, d.name) for d in Department.objects.filter(active=True)]

    def body(self) -> dict:
        data = dict(self.cleaned_data)
        data["linked_cases"] = data["linked_cases"].replace("，", " ").replace(",", " ").split()
        return data


class StepForm(forms.Form):
    on = forms.DateField(label="日期")
    content = forms.CharField(label="内容", widget=forms.Textarea, max_length=5000)


class DecisionForm(StepForm):
    outcome = forms.CharField(label="处理结果", max_length=2000)


class CloseForm(forms.Form):
    on = forms.DateField(label="结案日期")
    outcome = forms.CharField(label="处理结果", max_length=2000)


ACTION_FORMS: dict[str, type[forms.Form]] = {
    "order_correction": StepForm, "record_findings": StepForm, "refer": StepForm,
    "record_decision": DecisionForm, "close": CloseForm,
}


class DishonestyForm(forms.Form):
    officer = forms.CharField(label="民警（用户名）", max_length=150)
    source = forms.ChoiceField(label="失信信息来源", choices=DishonestySource.choices)
    decided_on = forms.DateField(label="认定日期")
    authority = forms.CharField(label="作出机关", max_length=100)
    document_number = forms.CharField(label="文书编号", max_length=100)
    summary = forms.CharField(label="失信事实", widget=forms.Textarea, max_length=5000)
    publishable = forms.BooleanField(label="可依法公开", required=False)


class PublishForm(ChineseForm):
    on = forms.DateField(label="公开日期")


class WithdrawForm(ChineseForm):
    reason = forms.CharField(label="撤回理由", max_length=500)


class HonourForm(ChineseForm):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="荣誉名称", max_length=100)
    officer = forms.CharField(label="推荐民警（用户名；推荐部门时不填）", required=False, max_length=150)
    department = forms.ChoiceField(label="推荐部门（推荐民警时不选）", required=False)
    reason = forms.CharField(label="推荐理由", widget=forms.Textarea, max_length=2000)
    on = forms.DateField(label="推荐日期")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", "——")] + [
            (d.code, d.name) for d in Department.objects.filter(active=True)]
