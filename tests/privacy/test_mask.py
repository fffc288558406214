"""Masking of replies shown publicly (Art. 32): readable, irreversible, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.privacy.strategies import (
    FILLER_ALPHABET,
    id_shaped_numbers,
    letters_with_numbers,
    letters_with_private_items,
    mobiles_in,
    valid_ids_in,
)
from zwgk.privacy.detect import Finding, find_private_data
from zwgk.privacy.mask import mask_findings, mask_text, mask_value

ID_NX = "640105198001011231"


class TestNames:
    def test_given_name_becomes_mou_and_surname_stays(self) -> None:
        assert mask_text("我叫张三丰，家住银川") == "我叫张某某，家住银川"

    def test_two_character_surname_stays_whole(self) -> None:
        assert mask_text("民警欧阳修同志") == "民警欧阳某同志"
        assert mask_value("name", "欧阳修") == "欧阳某"

    def test_two_character_name_keeps_one_mou(self) -> None:
        assert mask_text("嫌疑人刘强已经跑了") == "嫌疑人刘某已经跑了"

    def test_every_name_of_an_enumeration_is_masked(self) -> None:
        assert mask_text("同学张浩然、李子墨打了我儿子") == "同学张某某、李某某打了我儿子"

    def test_names_given_by_staff_are_masked_everywhere(self) -> None:
        masked = mask_text("周文斌反映的问题，周文斌本人已知悉", extra_names=["周文斌"])
        assert masked == "周某某反映的问题，周某某本人已知悉"

    def test_transliterated_name_keeps_only_its_first_character(self) -> None:
        assert mask_value("name", "买买提·艾力") == "买某某·某某"


class TestNumbers:
    def test_identity_number_keeps_three_leading_and_two_trailing_characters(self) -> None:
        masked = mask_text(f"身份证号{ID_NX}")
        assert masked == "身份证号640*************31"
        assert valid_ids_in(masked) == []

    def test_identity_number_with_x(self) -> None:
        assert mask_value("resident_id", "11010519491231002X") == "110*************2X"

    def test_identity_number_written_in_groups_keeps_its_spaces(self) -> None:
        assert mask_value("resident_id", "640105 19800101 1231") == "640*** ******** **31"

    @pytest.mark.parametrize(
        ("written", "masked"),
        [
            ("13812345678", "138****5678"),
            ("138-1234-5678", "138-****-5678"),
            ("+86 13812345678", "+86 138****5678"),
        ],
    )
    def test_mobile_keeps_three_leading_and_four_trailing_digits(self, written: str, masked: str) -> None:
        assert mask_text(f"手机{written}。") == f"手机{masked}。"

    @pytest.mark.parametrize(
        ("written", "masked"),
        [
            ("0951-6136088", "0951-****088"),
            ("010-62558817", "010-*****817"),
            ("(0954)2862357", "(0954)****357"),
            ("09516136088", "0951****088"),
        ],
    )
    def test_landline_keeps_the_area_code_and_three_trailing_digits(self, written: str, masked: str) -> None:
        assert mask_text(f"我家电话{written}。") == f"我家电话{masked}。"

    def test_local_number_after_a_cue_keeps_three_trailing_digits(self) -> None:
        assert mask_text("我们家电话6038215") == "我们家电话****215"

    def test_bank_card_keeps_its_last_four_digits(self) -> None:
        assert mask_text("转到6222021234567890128") == "转到***************0128"
        assert mask_value("bank_card", "4111 1111 1111 1111") == "**** **** **** 1111"

    def test_office_number_is_left_as_it_is(self) -> None:
        text = "请拨打出入境大厅电话0951-5045110咨询"
        assert mask_text(text) == text


class TestOtherKinds:
    def test_email_keeps_first_character_and_domain(self) -> None:
        assert mask_text("邮箱nx_mahong88@qq.com") == "邮箱n***@qq.com"

    @pytest.mark.parametrize(("plate", "masked"), [("宁A12345", "宁A***45"), ("宁A·D82615", "宁A***15")])
    def test_plate_keeps_province_city_letter_and_two_last_characters(self, plate: str, masked: str) -> None:
        assert mask_text(f"车牌{plate}的车") == f"车牌{masked}的车"

    def test_address_keeps_the_district(self) -> None:
        text = "家住银川市兴庆区丽景街湖畔嘉苑3号楼2单元1102室，联系人"
        assert mask_text(text) == "家住银川市兴庆区***，联系人"

    def test_address_keeps_the_city_when_there_is_no_district(self) -> None:
        assert mask_text("我家住青铜峡市小坝镇新华街东方花园14号楼。") == "我家住青铜峡市***。"

    def test_health_phrase_is_masked_whole(self) -> None:
        assert mask_text("我儿子患有抑郁症，需要照顾") == "我儿子**，需要照顾"

    def test_text_without_private_data_is_unchanged(self) -> None:
        text = "请问护照加急需要什么条件？打110还是12345？罚款200元。"
        assert mask_text(text) == text


class TestManualSpans:
    def test_manual_span_becomes_one_star_per_character(self) -> None:
        assert mask_text("他开了一家烧烤店叫老马家", manual=[(9, 12)]) == "他开了一家烧烤店叫***"

    def test_manual_span_overlapping_a_finding_is_masked_together_with_it(self) -> None:
        text = f"身份证{ID_NX}丢了"
        assert mask_text(text, manual=[(0, 5)]) == "*" * (3 + len(ID_NX)) + "丢了"

    def test_manual_spans_outside_the_text_are_clipped_or_ignored(self) -> None:
        assert mask_text("没有问题", manual=[(2, 99), (7, 3), (50, 60)]) == "没有**"


class TestMaskFindings:
    def test_findings_are_replaced_by_their_masked_form(self) -> None:
        text = "张三的电话13812345678"
        findings = [Finding("name", 0, 2, "张三"), Finding("mobile", 5, 16, "13812345678")]
        assert mask_findings(text, findings) == "张某的电话138****5678"

    def test_finding_not_cut_from_the_text_is_refused(self) -> None:
        with pytest.raises(ValueError):
            mask_findings("张三的电话", [Finding("name", 0, 2, "李四")])

    def test_overlapping_findings_are_masked_character_by_character(self) -> None:
        text = "13812345678"
        findings = [Finding("mobile", 0, 11, text), Finding("bank_card", 5, 11, text[5:])]
        assert mask_findings(text, findings) == "*" * 11


class TestProperties:
    @settings(max_examples=300)
    @given(letters_with_numbers())
    def test_masked_text_never_contains_a_valid_identity_or_mobile_number(self, case: tuple[str, list[str]]) -> None:
        masked = mask_text(case[0])
        assert valid_ids_in(masked) == []
        assert mobiles_in(masked) == []

    @settings(max_examples=300)
    @given(letters_with_numbers())
    def test_masking_is_idempotent_on_letters_with_numbers(self, case: tuple[str, list[str]]) -> None:
        once = mask_text(case[0])
        assert mask_text(once) == once

    @settings(max_examples=300)
    @given(st.text(alphabet=FILLER_ALPHABET + "某*叫民警先生家住小区号楼单元室村组患有抑郁症", max_size=80))
    def test_masking_is_idempotent_on_arbitrary_text(self, text: str) -> None:
        once = mask_text(text)
        assert mask_text(once) == once

    @given(st.sampled_from(["我叫", "民警", "举报人", "我丈夫", "邻居"]), st.sampled_from("王李张刘陈杨马欧阳"),
           st.text(alphabet="建国华明文军平强伟丽秀英兰芳", min_size=1, max_size=2))
    def test_a_cued_name_never_survives(self, cue: str, surname: str, given_name: str) -> None:
        masked = mask_text(f"{cue}{surname}{given_name}，反映情况")
        assert given_name not in masked.replace(cue, "")


class TestWidenedMasking:
    @pytest.mark.parametrize(
        ("text", "masked"),
        [
            ("加我微信zhangsan_88，", "加我微信zh*********，"),
            ("QQ号：123456789", "QQ号：12*****89"),
            ("护照号E12345678", "护照号E******78"),
            ("身份证号640105198001011238", "身份证号640*************38"),
            ("我患有严重的腰椎间盘突出症，", "我**，"),
            ("在市医院住院治疗", "**"),
        ],
    )
    def test_new_kinds_are_masked(self, text: str, masked: str) -> None:
        assert mask_text(text) == masked

    def test_common_words_are_left_as_they_are(self) -> None:
        text = "朋友王者荣耀玩得好，上了高速，服务很周到，李子树上的李子，他张开嘴"
        assert mask_text(text) == text


class TestMaskingProperties:
    @settings(max_examples=150, deadline=None)
    @given(id_shaped_numbers(), st.sampled_from(["身份证", "证件号", "号码", "，", ""]))
    def test_an_eighteen_digit_id_with_any_check_character_is_masked(self, number: str, cue: str) -> None:
        masked = mask_text(f"{cue}{number}，谢谢")
        assert number not in masked
        assert sum(c.isdigit() for c in masked) <= 5

    @settings(max_examples=150, deadline=None)
    @given(letters_with_private_items())
    def test_masked_text_never_contains_a_detected_number_or_account(self, case: tuple[str, list[str]]) -> None:
        text, values = case
        masked = mask_text(text)
        kinds = {"resident_id", "suspected_id", "mobile", "bank_card", "passport", "qq", "wechat"}
        for finding in find_private_data(text):
            if finding.kind in kinds:
                assert finding.text not in masked
        for value in values:
            assert value not in masked

    @settings(max_examples=150, deadline=None)
    @given(letters_with_private_items())
    def test_masking_is_idempotent_with_accounts_and_suspected_ids(self, case: tuple[str, list[str]]) -> None:
        once = mask_text(case[0])
        assert mask_text(once) == once

    @settings(max_examples=100, deadline=None)
    @given(st.text(alphabet=FILLER_ALPHABET + "患有确诊住院医院病症炎微信QQ护照王者高速李子张开周到", max_size=80))
    def test_masking_is_idempotent_on_text_with_health_and_account_cues(self, text: str) -> None:
        once = mask_text(text)
        assert mask_text(once) == once
