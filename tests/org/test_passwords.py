"""Passwords must meet the complexity rule (Art. 41: 加强账号及密码管理)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from zwgk.org.passwords import ComplexityValidator, character_classes


@pytest.mark.parametrize("password", ["short1!", "alllowercaseletters", "NoDigitsOrSymbolsHere", "1234567890123"])
def test_weak_passwords_are_refused_in_chinese(password):
    with pytest.raises(ValidationError, match="密码至少10位"):
        ComplexityValidator().validate(password)


def test_the_demo_password_meets_the_rule(db):
    validate_password("zwgk-demo-2026")


@given(st.text(min_size=10))
def test_accepted_passwords_have_three_character_classes(password):
    try:
        ComplexityValidator().validate(password)
    except ValidationError:
        return
    assert character_classes(password) >= 3
