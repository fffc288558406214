from __future__ import annotations

from datetime import date

from django import forms

from zwgk.catalog.models import Section
from zwgk.org.models import Department, MessageRoute


class LoginForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    password = forms.CharField(label="密码", widget=forms.PasswordInput)
    otp = forms.CharField(label="动态口令或备用码（已启用双因素认证的账号填写）", max_length=16, required=False,
                          widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class PasswordChangeForm(forms.Form):
    old = forms.CharField(label="原密码", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    new = forms.CharField(label="新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                          help_text="至少10位，且须包含小写字母、大写字母、数字、符号中的至少三类；不得与最近5次密码相同。")
    again = forms.CharField(label="再次输入新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("new") and data.get("again") and data["new"] != data["again"]:
            self.add_error("again", "两次输入的新密码不一致。")
        return data


class OtpConfirmForm(forms.Form):
    otp = forms.CharField(label="身份验证器显示的6位动态口令", max_length=6, min_length=6,
                          widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


def parse_day_lines(text: str, field: str) -> dict[date, str]:
    """Lines of ``YYYY-MM-DD [name]`` into a dict; a clear Chinese error names the bad line."""
    days: dict[date, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        head, _, name = line.partition(" ")
        try:
            days[date.fromisoformat(head)] = name.strip()
        except ValueError:
            raise forms.ValidationError(f"{field}第{number}行“{line}”不是日期（应为 YYYY-MM-DD 节日名）。") from None
    return days


class CalendarForm(forms.Form):
    holidays = forms.CharField(label="放假日期（每行一个：YYYY-MM-DD 节日名）", widget=forms.Textarea, required=False)
    workdays = forms.CharField(label="调休上班日期（每行一个：YYYY-MM-DD 节日名）", widget=forms.Textarea,
                               required=False)

    def clean_holidays(self) -> dict[date, str]:
        return parse_day_lines(self.cleaned_data["holidays"], "放假日期")

    def clean_workdays(self) -> dict[date, str]:
        return parse_day_lines(self.cleaned_data["workdays"], "调休上班日期")


class NoticeForm(forms.Form):
    text = forms.CharField(label="国务院办公厅节假日安排通知全文", widget=forms.Textarea, max_length=20000)


class SectionAssignForm(forms.Form):
    section = forms.ModelChoiceField(label="栏目", queryset=Section.objects.all())
    department = forms.ModelChoiceField(label="维护部门", queryset=Department.objects.filter(active=True))


class RouteForm(forms.ModelForm):
    class Meta:
        model = MessageRoute
        fields = ["matter", "kind", "keywords", "department", "priority"]
