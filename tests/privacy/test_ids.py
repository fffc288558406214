"""Check-digit validators shared by intake and the privacy detector."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.privacy.strategies import resident_ids
from zwgk.privacy.ids import (
    CREDIT_CODE_CHARSET,
    credit_code_check_char,
    is_mobile_number,
    is_valid_credit_code,
    is_valid_old_resident_id,
    is_valid_resident_id,
    luhn_valid,
    resident_id_birth_date,
    resident_id_check_char,
)


class TestResidentId:
    def test_the_standard_example_with_check_character_x_is_valid(self) -> None:
        assert resident_id_check_char("11010519491231002") == "X"
        assert is_valid_resident_id("11010519491231002X")

    def test_lower_case_x_is_the_same_number(self) -> None:
        assert is_valid_resident_id("11010519491231002x")

    def test_a_ningxia_number_with_digit_check_character(self) -> None:
        first17 = "64010519800101123"
        assert is_valid_resident_id(first17 + resident_id_check_char(first17))

    def test_any_other_check_character_is_rejected(self) -> None:
        wrong = [c for c in "0123456789X" if c != "X"]
        assert not any(is_valid_resident_id("11010519491231002" + c) for c in wrong)

    def test_impossible_birth_date_is_rejected_even_with_right_check_character(self) -> None:
        first17 = "64010519810229123"  # 1981 was no leap year
        assert not is_valid_resident_id(first17 + resident_id_check_char(first17))

    def test_birth_date_in_the_future_is_rejected(self) -> None:
        tomorrow = date.today() + timedelta(days=1)
        first17 = f"640105{tomorrow:%Y%m%d}123"
        assert not is_valid_resident_id(first17 + resident_id_check_char(first17))

    def test_birth_before_1900_is_rejected(self) -> None:
        first17 = "44052418800101001"
        assert not is_valid_resident_id(first17 + resident_id_check_char(first17))

    def test_region_code_must_not_start_with_zero(self) -> None:
        first17 = "04010519800101123"
        assert not is_valid_resident_id(first17 + resident_id_check_char(first17))

    @pytest.mark.parametrize(
        "value", ["", "11010519491231002", "11010519491231002X1", "1101051949123100２X", "110105194912310 2X", "X" * 18]
    )
    def test_wrong_length_or_characters_are_rejected(self, value: str) -> None:
        assert not is_valid_resident_id(value)

    @pytest.mark.parametrize("value", ["", "1234567890123456", "123456789012345678", "1101051949123100X"])
    def test_check_char_needs_exactly_seventeen_digits(self, value: str) -> None:
        with pytest.raises(ValueError):
            resident_id_check_char(value)

    def test_birth_date_is_read_from_both_generations(self) -> None:
        assert resident_id_birth_date("11010519491231002X") == date(1949, 12, 31)
        assert resident_id_birth_date("640104800101123") == date(1980, 1, 1)
        assert resident_id_birth_date("640104801301123") is None

    @given(resident_ids())
    def test_generated_numbers_are_valid(self, number: str) -> None:
        assert is_valid_resident_id(number)

    @given(resident_ids(), st.sampled_from("0123456789X"))
    def test_check_char_function_agrees_with_validator(self, number: str, check: str) -> None:
        assert is_valid_resident_id(number[:17] + check) == (check == resident_id_check_char(number[:17]))

    @given(resident_ids(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
    def test_a_single_wrong_digit_is_caught(self, number: str, position: int, delta: int) -> None:
        digit = str((int(number[position]) + delta) % 10)
        typo = number[:position] + digit + number[position + 1 :]
        assert resident_id_check_char(typo[:17]) != number[17]


class TestOldResidentId:
    def test_fifteen_digits_with_real_date_are_valid(self) -> None:
        assert is_valid_old_resident_id("640104800101123")

    @pytest.mark.parametrize(
        "value", ["640104801301123", "640104800230123", "040104800101123", "64010480010112", "64010480010112X"]
    )
    def test_bad_date_region_or_length_is_rejected(self, value: str) -> None:
        assert not is_valid_old_resident_id(value)


class TestCreditCode:
    @pytest.mark.parametrize("code", ["914403001922038216", "9144030071526726XG", "91330100799655058B"])
    def test_codes_printed_on_real_business_licences_are_valid(self, code: str) -> None:
        assert is_valid_credit_code(code)

    def test_wrong_check_character_is_rejected(self) -> None:
        assert not is_valid_credit_code("914403001922038217")

    @pytest.mark.parametrize("code", ["9144030071526726xg", "91440300I92203821O", "91440300192203821", ""])
    def test_lower_case_forbidden_letters_and_wrong_length_are_rejected(self, code: str) -> None:
        assert not is_valid_credit_code(code)

    @pytest.mark.parametrize("value", ["9144030019220382", "I1440300192203821", "91440300192203821O"])
    def test_check_char_needs_seventeen_characters_of_the_charset(self, value: str) -> None:
        with pytest.raises(ValueError):
            credit_code_check_char(value)

    @given(st.text(alphabet=CREDIT_CODE_CHARSET, min_size=17, max_size=17), st.sampled_from(CREDIT_CODE_CHARSET))
    def test_check_char_function_agrees_with_validator(self, first17: str, check: str) -> None:
        assert is_valid_credit_code(first17 + check) == (check == credit_code_check_char(first17))


class TestLuhn:
    @pytest.mark.parametrize("number", ["79927398713", "4111111111111111", "6222021234567890128"])
    def test_valid_numbers(self, number: str) -> None:
        assert luhn_valid(number)

    @pytest.mark.parametrize("number", ["79927398710", "4111111111111112", "", "7", "4111 1111 1111 1111", "４１１１"])
    def test_invalid_or_not_plain_digits(self, number: str) -> None:
        assert not luhn_valid(number)

    @given(st.text(alphabet="0123456789", min_size=12, max_size=18))
    def test_exactly_one_check_digit_completes_a_number(self, body: str) -> None:
        assert sum(luhn_valid(body + d) for d in "0123456789") == 1


class TestMobile:
    @pytest.mark.parametrize("number", ["13812345678", "19912345678", "16612345678"])
    def test_mainland_mobiles(self, number: str) -> None:
        assert is_mobile_number(number)

    @pytest.mark.parametrize("number", ["12812345678", "1381234567", "138-1234-5678", "+8613812345678", "09516136088"])
    def test_not_a_bare_mobile(self, number: str) -> None:
        assert not is_mobile_number(number)
