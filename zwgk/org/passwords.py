"""Password complexity for staff accounts (Art. 40, 41: 加强账号及密码管理)."""

from __future__ import annotations

import string

from django.core.exceptions import ValidationError

MIN_LENGTH = 10
MIN_CLASSES = 3


def character_classes(password: str) -> int:
    classes = [
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(c in string.punctuation or not c.isalnum() for c in password),
    ]
    return sum(classes)


class ComplexityValidator:
    """At least 10 characters from at least three of: lower case, upper case, digits, symbols."""

    def validate(self, password: str, user: object = None) -> None:
        if len(password) < MIN_LENGTH or character_classes(password) < MIN_CLASSES:
            raise ValidationError(
                "密码至少10位，且须包含小写字母、大写字母、数字、符号中的至少三类。", code="password_too_simple"
            )

    def get_help_text(self) -> str:
        return "密码至少10位，且须包含小写字母、大写字母、数字、符号中的至少三类。"
