"""Public forms speak Chinese and show every error at once (issue 9, "Citizens' side").

``ChineseForm`` replaces Django's English defaults ("This field is required.") with messages that
name the field, and lets the form run the service's own intake check in ``clean`` so that a
missing name and a wrong phone number are reported together, not one round after the other."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from zwgk.core.errors import InvalidInput, ServiceError


def short_label(label: Any) -> str:
    """"姓名（法人或其他组织填写联系人姓名）" → "姓名": the field's name without its explanation."""
    return re.split(r"[（(]", str(label or ""), maxsplit=1)[0].strip() or "此项"


def chinese_messages(field: forms.Field) -> dict[str, str]:
    label = short_label(field.label)
    choose = isinstance(field, forms.ChoiceField | forms.BooleanField)
    messages = {
        "required": f"请选择{label}" if choose else f"请填写{label}",
        "invalid": f"{label}格式不正确",
        "invalid_choice": f"{label}的选项不在允许范围内",
        "invalid_list": f"{label}的选项不在允许范围内",
        "null_characters_not_allowed": f"{label}含有空字符（NUL）",
    }
    max_length = getattr(field, "max_length", None)
    if max_length:
        messages["max_length"] = f"{label}不超过{max_length}字"
    if isinstance(field, forms.DateField):
        messages["invalid"] = f"{label}应为日期（年-月-日）"
    if isinstance(field, forms.IntegerField):
        messages["invalid"] = f"{label}应为整数"
    return messages


class ChineseForm(forms.Form):
    """A form whose every message is Chinese and names its field. ``intake`` (a service check raising
    ``InvalidInput`` with ``fields``) runs in ``clean`` over the whole input, so all errors show at once."""

    intake: Callable[[dict[str, Any]], Any] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Field.run_validators takes a validator's message from error_messages by its code.
            field.error_messages.update(chinese_messages(field))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        check = type(self).intake
        if check is None:
            return cleaned
        data = {name: cleaned.get(name, "") for name in self.fields}
        try:
            check(data)
        except InvalidInput as exc:
            for name, message in exc.fields.items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
                elif name not in self.fields:
                    self.add_error(None, message)
        return cleaned


def add_service_errors(form: forms.Form, exc: Exception) -> None:
    """Show a refused service call on the workbench form that sent it: each named field's message
    at its field (or at the top, for a field the form lacks), else the refusal's own message."""
    fields = exc.fields if isinstance(exc, InvalidInput) else {}
    for name, text in fields.items():
        form.add_error(name if name in form.fields else None, text)
    if not fields:
        form.add_error(None, getattr(exc, "message", str(exc)))


def submit_record_form(request: HttpRequest, form: forms.Form, perform: Callable[[dict[str, Any]], Any], *,
                       success: str, redirect_to: str) -> HttpResponse | None:
    """The POST of a keeper's register page (a dishonesty record, an honour proposal, a supplier's
    credit record): the service called with the cleaned data, a refusal shown on the form and nothing
    changed; the redirect after success, else None, and the page is rendered again with the errors.
    The caller has checked the right to keep the register."""
    if not form.is_valid():
        return None
    try:
        perform(form.cleaned_data)
    except ServiceError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, success)
    return redirect(redirect_to)
