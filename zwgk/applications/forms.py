"""HTML forms of the portal and the workbench; the checks themselves live in ``services``."""

from __future__ import annotations

from django import forms

from zwgk.applications.models import (
    ABANDON_REASONS,
    APPLICANT_TYPES,
    CHANNELS,
    DELIVERIES,
    ID_TYPES,
    NOT_DISCLOSED_REASONS,
    ORGANIZATION_TYPES,
    OUTCOMES,
    Contest,
    Review,
)
from zwgk.core.errors import InvalidInput
from zwgk.core.forms import ChineseForm
from zwgk.org.models import Department

BLANK = [("", "请选择")]


def DATE_WIDGET() -> forms.DateInput:
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def _intake(data: dict) -> None:
    from zwgk.applications.services import clean_intake

    clean_intake(data)


class ApplicationForm(ChineseForm):
    """Art. 13: who applies (name, identity, contact), what is asked for, in what form. Every
    message is Chinese and the service's intake check runs with the form's, so all errors show at once."""

    intake = staticmethod(_intake)

    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_TYPES, widget=forms.RadioSelect,
                                       initial="natural_person")
    name = forms.CharField(label="姓名（法人或其他组织填写联系人姓名）", max_length=100)
    organization = forms.CharField(label="法人或其他组织名称", max_length=200, required=False)
    organization_type = forms.ChoiceField(label="组织类型（法人或其他组织填写）", choices=BLANK + ORGANIZATION_TYPES,
                                          required=False)
    id_type = forms.ChoiceField(label="身份证明类型", choices=ID_TYPES, initial="resident_id")
    id_number = forms.CharField(label="证件号码", max_length=40)
    phone = forms.CharField(label="联系电话", max_length=30)
    email = forms.CharField(label="电子邮箱", max_length=254, required=False)
    address = forms.CharField(label="通信地址", max_length=300, required=False)
    description = forms.CharField(label="所需政府信息的名称、文号或者便于查询的其他特征性描述", max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    purpose = forms.CharField(label="用途（选填）", max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    delivery = forms.ChoiceField(label="获取信息的方式", choices=DELIVERIES, widget=forms.RadioSelect, initial="online")
    fee_waiver_requested = forms.BooleanField(label="申请减免费用", required=False)


class RegisterForm(ApplicationForm):
    """The office registers letters, e-mails, faxes and visits (Art. 14, 19), with a scan."""

    channel = forms.ChoiceField(label="申请渠道", choices=[c for c in CHANNELS if c[0] != "online"])
    received_on = forms.DateField(label="收到申请日期（第十九条）", widget=DATE_WIDGET())
    scan = forms.FileField(label="申请材料扫描件（PDF、PNG、JPEG、TIFF，不超过20MB）", required=False)


class StatusForm(ChineseForm):
    number = forms.CharField(label="申请编号", max_length=40)
    query_code = forms.CharField(label="查询码", max_length=40)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe); the content check is the service's."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):  # type: ignore[no-untyped-def]
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class OnlineSupplementForm(ChineseForm):
    """The applicant's supplement from the status page (Art. 15 ¶2)."""

    query_code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    text = forms.CharField(label="补正内容（按补正告知书列明的事项逐项说明）", max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 5}))
    files = MultipleFileField(label="补正材料（可选，PDF、Word、PNG、JPEG、TIFF，每个不超过10MB，最多5个）")


def uploads(files: list) -> list[tuple[str, bytes]]:
    """(name, content) of uploaded files, for the services' content checks."""
    return [(upload.name or "file", upload.read()) for upload in files]


def _date(label: str = "日期") -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET())


def _departments() -> list[tuple[str, str]]:
    return [(d.code, d.name) for d in Department.objects.filter(active=True)]


class SupplementForm(forms.Form):
    on = _date("告知日期")
    items = forms.CharField(label="需补正事项（每行一项）", widget=forms.Textarea(attrs={"rows": 3}))

    def body(self) -> dict:
        return {"on": self.cleaned_data["on"],
                "items": [line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()]}


class ResubmitForm(forms.Form):
    on = _date("收到补正申请日期")


class TransferForm(forms.Form):
    on = _date("转办日期")
    lead = forms.ChoiceField(label="主办部门", choices=())
    assisting = forms.MultipleChoiceField(label="协办部门", choices=(), required=False,
                                          widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label="办理要求", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].choices = _departments()
        self.fields["assisting"].choices = _departments()


class ConsultForm(forms.Form):
    on = _date("征求意见日期")
    party = forms.CharField(label="第三方", max_length=200)
    contact = forms.CharField(label="联系方式", max_length=200, required=False)


class RepliedForm(forms.Form):
    on = _date("收到第三方答复日期")
    consent = forms.TypedChoiceField(label="第三方意见", choices=[("true", "同意公开"), ("false", "不同意公开")],
                                     coerce=lambda v: v == "true")
    opinion = forms.CharField(label="意见内容", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PublicInterestForm(forms.Form):
    on = _date("决定日期")
    reason = forms.CharField(label="决定公开的理由（不公开可能对公共利益造成重大影响）",
                             widget=forms.Textarea(attrs={"rows": 3}))


class ExtensionRequestForm(forms.Form):
    on = _date("申请日期")
    days = forms.IntegerField(label="延长工作日数", min_value=1)
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(ExtensionRequestForm):
    """The office head extends in their own session: the acting account is the approver."""

    on = _date("延期日期")


class ApproveExtensionForm(forms.Form):
    on = _date("审批日期")


class RefuseExtensionForm(forms.Form):
    on = _date("审批日期")
    reason = forms.CharField(label="不同意的理由", widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    """What an answer's letter needs (Art. 16): outcome, reason, article, text, other body."""

    on = _date("拟稿日期")
    outcome = forms.ChoiceField(label="答复类型（第十六条）", choices=OUTCOMES)
    reason = forms.ChoiceField(label="部分公开或不予公开的理由", choices=BLANK + NOT_DISCLOSED_REASONS,
                               required=False)
    legal_basis = forms.CharField(label="法律依据（留空则按理由引用条款）", required=False, max_length=2000)
    content = forms.CharField(label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    other_body_name = forms.CharField(label="负责公开的机关名称（不属于本机关公开范围时填写）", required=False,
                                      max_length=200)
    other_body_contact = forms.CharField(label="该机关联系方式", required=False, max_length=200)

    def body(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if v not in ("", None, [])}
        name, contact = data.pop("other_body_name", ""), data.pop("other_body_contact", "")
        if name or contact:
            data["other_body"] = {"name": name, "contact": contact}
        return data


class DraftForm(AnswerForm):
    reviews = forms.MultipleChoiceField(label="需送审", required=False, widget=forms.CheckboxSelectMultiple,
                                        choices=Review.choices)
    attachments = MultipleFileField(
        label="答复附件：公开的政府信息文件（可多选；PDF、Word、Excel、图片，每个不超过20MB）")

    def body(self) -> dict:
        data = super().body()
        data.pop("attachments", None)
        return data


class SignOffForm(forms.Form):
    on = _date("审签日期")
    decision = forms.ChoiceField(label="意见", choices=[("approve", "同意"), ("return", "退回承办人")])
    comment = forms.CharField(label="意见说明（退回时必填）", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReplyForm(AnswerForm):
    """The office's answer at first review (Art. 15 ¶1)."""

    on = _date("答复日期")


class SignedReplyForm(forms.Form):
    """After the chain the reply issues exactly the signed-off answer: only the date is asked."""

    on = _date("答复日期")


class WithdrawForm(forms.Form):
    on = _date("撤回日期")
    reason = forms.CharField(label="撤回理由", widget=forms.Textarea(attrs={"rows": 2}))


class AbandonForm(forms.Form):
    on = _date("日期")
    reason = forms.ChoiceField(label="理由", choices=ABANDON_REASONS)


ACTION_FORMS: dict[str, type[forms.Form]] = {
    "request_supplement": SupplementForm,
    "resubmit": ResubmitForm,
    "transfer": TransferForm,
    "consult_third_party": ConsultForm,
    "third_party_replied": RepliedForm,
    "decide_public_interest": PublicInterestForm,
    "request_extension": ExtensionRequestForm,
    "approve_extension": ApproveExtensionForm,
    "refuse_extension": RefuseExtensionForm,
    "extend": ExtendForm,
    "draft_reply": DraftForm,
    "sign_off": SignOffForm,
    "reply": ReplyForm,
    "withdraw": WithdrawForm,
    "abandon": AbandonForm,
}


def form_body(form: forms.Form) -> dict:
    """The service body from a valid action form: blanks dropped, like an API body."""
    if hasattr(form, "body"):
        return form.body()
    return {k: v for k, v in form.cleaned_data.items() if v not in ("", None, [])}


class ScanForm(forms.Form):
    file = forms.FileField(label="扫描件（PDF、PNG、JPEG、TIFF，不超过20MB）")


class AttachmentForm(forms.Form):
    attachments = MultipleFileField(label="答复附件（PDF、Word、Excel、图片，每个不超过20MB）", required=True)


class ContestForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=Contest.KINDS)
    filed_on = _date("提起日期")
    result = forms.ChoiceField(label="结果", choices=Contest.RESULTS, initial="pending")
    decided_on = forms.DateField(label="审结日期", required=False, widget=DATE_WIDGET())
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


# A field of a service's body shown as another form field.
FORM_FIELDS = {"other_body": "other_body_name"}


def apply_errors(form: forms.Form, exc: InvalidInput) -> None:
    """Put a service's refusal on the form, each message on its field (or at the top)."""
    for field, message in exc.fields.items():
        field = FORM_FIELDS.get(field, field)
        form.add_error(field if field in form.fields else None, message)
    if not exc.fields:
        form.add_error(None, exc.message)
