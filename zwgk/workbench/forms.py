from __future__ import annotations

from datetime import date

from django import forms

from zwgk.catalog.models import Section
from zwgk.org.models import Department, MessageRoute


class LoginForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    password = forms.CharField(label="密码", widget=forms.PasswordInput)


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
