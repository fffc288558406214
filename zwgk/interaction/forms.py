"""Forms of the portal's mailbox and of the workbench (thin: the services validate)."""

from __future__ import annotations

from django import forms

from zwgk.core.forms import ChineseForm
from zwgk.interaction.models import COMPLEXITIES, KINDS, ManualMask, Satisfaction


def _intake(data: dict) -> None:
    from zwgk.interaction.services import clean_intake

    clean_intake(kind=data.get("kind") or "", title=data.get("title"), body=data.get("body"), name=data.get("name"),
                 phone=data.get("phone"), id_number=data.get("id_number") or "", email=data.get("email") or "")


class MessageForm(ChineseForm):
    """厅长信箱 (Art. 28): the four kinds of citizen message. Every message is Chinese and the
    service's intake check runs with the form's, so all errors show at once."""

    intake = staticmethod(_intake)

    kind = forms.ChoiceField(label="信息类别", choices=KINDS, widget=forms.RadioSelect, initial="consultation")
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="内容", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    name = forms.CharField(label="姓名", max_length=60)
    phone = forms.CharField(label="联系电话", max_length=30, widget=forms.TextInput(attrs={"inputmode": "tel"}))
    id_number = forms.CharField(label="身份证号码（选填）", max_length=30, required=False)
    email = forms.CharField(label="电子邮箱（选填）", max_length=254, required=False,
                            widget=forms.EmailInput(attrs={"inputmode": "email"}))
    not_public = forms.BooleanField(
        label="不同意公开显示（选中后，本信息及答复不在网站公开）", required=False,
        help_text="未选中的，答复后将屏蔽个人隐私信息后公开显示（第三十二条）。",
    )


class QueryForm(ChineseForm):
    number = forms.CharField(label="信息编号", max_length=40)
    code = forms.CharField(label="查询码", max_length=20)


class RatingForm(ChineseForm):
    """The sender's rating of the answer (满意度评价), once."""

    number = forms.CharField(widget=forms.HiddenInput, max_length=40)
    code = forms.CharField(widget=forms.HiddenInput, max_length=20)
    satisfaction = forms.ChoiceField(label="满意度", choices=Satisfaction.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label="评价意见（可不填）", required=False, max_length=500,
                              widget=forms.Textarea(attrs={"rows": 3}))


class TriageForm(forms.Form):
    complexity = forms.ChoiceField(label="情节", choices=COMPLEXITIES)
    kind = forms.ChoiceField(label="信息类别", choices=KINDS)


class MaskForm(forms.Form):
    fragment = forms.CharField(label="屏蔽文字", max_length=200, required=False)
    field = forms.ChoiceField(label="字段", choices=[("", "各字段"), *ManualMask.FIELDS], required=False)
    start = forms.IntegerField(label="起", required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(label="止", required=False, min_value=0, widget=forms.HiddenInput)


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV 文件（UTF-8）")


class RegisterForm(MessageForm):
    """The office registers a message that came another way, e.g. passed on from 人民网·地方领导留言板
    by the party and government (Art. 29)."""

    received_on = forms.DateField(label="收到日期", widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(label="交办来源（党委政府交办的填写）", max_length=100, required=False,
                             initial="人民网·地方领导留言板")
