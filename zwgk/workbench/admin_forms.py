"""Forms of the administration pages (Chinese labels; services validate again and name the field)."""

from __future__ import annotations

from django import forms

from zwgk.catalog.models import Section
from zwgk.core.models import SiteProfile
from zwgk.interaction.models import ReplyTemplate
from zwgk.org.models import Department, Role


class DepartmentForm(forms.Form):
    code = forms.CharField(label="部门代码（小写字母、数字、下划线）", max_length=40)
    name = forms.CharField(label="部门名称", max_length=60)
    duties = forms.CharField(label="职责（第六条）", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class DepartmentRenameForm(forms.Form):
    name = forms.CharField(label="新名称", max_length=60)


def _departments() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label="部门", queryset=Department.objects.filter(active=True), to_field_name="code",
                                  required=False)


def _roles() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(label="角色", queryset=Role.objects.all(), to_field_name="code",
                                          widget=forms.CheckboxSelectMultiple, required=False)


class StaffForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    name = forms.CharField(label="姓名", max_length=40)
    department = _departments()
    roles = _roles()


class StaffChangeForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=40)
    department = _departments()
    roles = _roles()


class SectionForm(forms.Form):
    code = forms.CharField(label="栏目代码（字母、数字、下划线）", max_length=40)
    name = forms.CharField(label="栏目名称", max_length=60)
    channel = forms.ChoiceField(label="频道", choices=Section.CHANNELS)
    department = forms.ModelChoiceField(label="维护部门", queryset=Department.objects.filter(active=True),
                                        to_field_name="code")
    description = forms.CharField(label="说明", max_length=200, required=False)


class SectionChangeForm(forms.Form):
    name = forms.CharField(label="栏目名称", max_length=60)
    department = forms.ModelChoiceField(label="维护部门", queryset=Department.objects.filter(active=True),
                                        to_field_name="code")


class ReplyTemplateForm(forms.ModelForm):
    class Meta:
        model = ReplyTemplate
        fields = ["kind", "name", "text", "order"]


class SiteProfileForm(forms.ModelForm):
    class Meta:
        model = SiteProfile
        fields = ["name", "department_name", "sponsor", "phone", "fax", "email", "address", "office_hours",
                  "postcode", "site_code", "icp_number", "police_record", "unified_code", "copyright_since"]
