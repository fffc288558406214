"""One rule each for what a citizen types in to be reached: a phone number, an e-mail address, a
required text. Applications (Art. 13: "联系方式") and mailbox messages (Art. 28) use the same rules,
so a number refused in one is refused in the other. Each rule adds a Chinese message naming the
field to ``errors`` (the services' ``InvalidInput.fields``) and returns the cleaned value."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# A mobile number is 11 digits from 13x to 19x; a fixed line is a 7-8 digit local number,
# optionally after an area code (0 + 2-3 digits) and before an extension.
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_RE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$")
SERVICE_RE = re.compile(r"^(400|800)-?\d{3}-?\d{4}$|^1\d{4}$|^95\d{3,6}$")  # 400/800, 12345, 95xxx lines


def normalize_phone(value: str) -> str:
    text = re.sub(r"[\s()（）]", "", value or "")
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            text = text[len(prefix):].lstrip("-")
    return text


def check_phone(value: str | None, errors: dict[str, str], field: str = "phone", label: str = "联系电话") -> str:
    """A Chinese mobile (11 digits, 1[3-9]…) or fixed-line number; a 10-digit "mobile" is refused."""
    value = (value or "").strip()
    if not value:
        return value
    number = normalize_phone(value)
    if number.isdigit() and number.startswith("1") and len(number) != 5:
        if not MOBILE_RE.match(number):
            errors[field] = f"{label}格式不正确：手机号码应为11位数字"
    elif not (LANDLINE_RE.match(number) or SERVICE_RE.match(number)):
        errors[field] = f"{label}格式不正确：请填写11位手机号码或带区号的固定电话"
    return value


def check_email(value: str | None, errors: dict[str, str], field: str = "email", label: str = "电子邮箱") -> str:
    value = (value or "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            errors[field] = f"{label}格式不正确"
    return value


def required_text(
    value: str | None, errors: dict[str, str], field: str, label: str, max_length: int | None = None
) -> str:
    """A text that must be given (whitespace alone is not), at most ``max_length`` characters."""
    value = (value or "").strip()
    if not value:
        errors[field] = f"请填写{label}"
    elif max_length is not None and len(value) > max_length:
        errors[field] = f"{label}不超过{max_length}字"
    return value
