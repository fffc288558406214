"""Pre-publication scan (Art. 4): numbers proven by their check digits, and sensitive words."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from tests.privacy.strategies import resident_ids
from zwgk.privacy.detect import Finding, find_private_data
from zwgk.privacy.ids import resident_id_check_char
from zwgk.privacy.scan import SensitiveWordMatcher, excerpt, scan_for_publication, sensitive_word_matcher

ID_NX = "640105198001011231"
WORDS = ["法轮功", "法轮", "内部资料", "绝密", "VPN"]


def kinds_and_texts(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in findings]


class TestSensitiveWordMatcher:
    def test_words_are_found_with_positions(self) -> None:
        text = "本文件为内部资料，严禁外传"
        assert SensitiveWordMatcher(WORDS).find(text) == [Finding("sensitive_word", 4, 8, "内部资料")]

    def test_longest_word_wins_where_words_overlap(self) -> None:
        assert [f.text for f in SensitiveWordMatcher(WORDS).find("取缔法轮功组织")] == ["法轮功"]

    def test_ascii_case_and_full_width_letters_do_not_hide_a_word(self) -> None:
        found = SensitiveWordMatcher(WORDS).find("翻墙用vpn或者ＶＰＮ")
        assert [f.text for f in found] == ["vpn", "ＶＰＮ"]

    def test_spaces_and_zero_width_characters_inside_a_word_do_not_hide_it(self) -> None:
        text = "这是绝\u200b密文件，也是内 部 资 料"
        assert [f.text for f in SensitiveWordMatcher(WORDS).find(text)] == ["绝\u200b密", "内 部 资 料"]

    def test_empty_word_list_finds_nothing(self) -> None:
        assert SensitiveWordMatcher(["", "  "]).find("绝密") == []

    def test_matcher_is_built_once_per_word_list(self) -> None:
        first = sensitive_word_matcher(frozenset(["甲词", "乙词"]))
        assert sensitive_word_matcher(frozenset(["乙词", "甲词"])) is first

    @given(
        st.lists(st.text(alphabet="甲乙丙丁戊", min_size=1, max_size=3), min_size=1, max_size=6),
        st.text(alphabet="甲乙丙丁戊己", max_size=40),
    )
    def test_hits_are_words_of_the_list_and_do_not_overlap(self, words: list[str], text: str) -> None:
        found = SensitiveWordMatcher(words).find(text)
        assert all(f.text in words for f in found)
        assert all(a.end <= b.start for a, b in pairwise(found))


class TestScanForPublication:
    def test_numbers_and_words_are_reported_in_order(self) -> None:
        text = f"绝密：当事人身份证{ID_NX}，手机13812345678，家里电话0951-6136088，卡号6222021234567890128。"
        assert kinds_and_texts(scan_for_publication(text, WORDS)) == [
            ("sensitive_word", "绝密"),
            ("resident_id", ID_NX),
            ("mobile", "13812345678"),
            ("landline", "0951-6136088"),
            ("bank_card", "6222021234567890128"),
        ]

    def test_full_width_identity_number_is_reported(self) -> None:
        written = "６４０１０５１９８００１０１１２３１"
        assert kinds_and_texts(scan_for_publication(f"身份证{written}", [])) == [("resident_id", written)]

    def test_identity_number_with_wrong_check_character_is_reported_as_suspected(self) -> None:
        found = scan_for_publication("编号640105198001011238", [])
        assert kinds_and_texts(found) == [("suspected_id", "640105198001011238")]

    def test_valid_check_character_with_a_future_birth_date_is_only_suspected(self) -> None:
        first17 = "64010520990101123"
        number = first17 + resident_id_check_char(first17)
        assert kinds_and_texts(scan_for_publication(f"身份证{number}", [])) == [("suspected_id", number)]

    def test_names_in_context_addresses_and_health_are_reported_as_the_masking_finds_them(self) -> None:
        found = scan_for_publication("我叫张三丰，家住兴庆区丽景街湖畔嘉苑3号楼，患有抑郁症", [])
        assert kinds_and_texts(found) == [
            ("name", "张三丰"), ("address", "丽景街湖畔嘉苑3号楼"), ("health", "患有抑郁症"),
        ]

    def test_a_name_without_a_context_word_is_not_reported(self) -> None:
        assert scan_for_publication("楼下的周大勇经常来", []) == []
        assert [f.kind for f in find_private_data("楼下的周大勇经常来")] == ["name"]

    def test_messaging_accounts_and_passports_are_reported(self) -> None:
        found = scan_for_publication("当事人微信号abc_12345，QQ号876543210，护照号E12345678。", [])
        assert [f.kind for f in found] == ["wechat", "qq", "passport"]

    def test_office_e_mail_and_a_plate_in_a_decision_are_not_reported(self) -> None:
        assert scan_for_publication("来信请寄gaj@nx.gov.cn，涉案车辆宁A12345已依法处理", []) == []

    def test_office_numbers_and_hotlines_are_not_reported(self) -> None:
        assert scan_for_publication("咨询请拨打出入境大厅电话0951-5045110或12345", []) == []

    def test_a_ready_matcher_can_be_passed(self) -> None:
        matcher = SensitiveWordMatcher(["机密"])
        assert kinds_and_texts(scan_for_publication("机密文件", matcher)) == [("sensitive_word", "机密")]

    def test_repeated_scans_reuse_the_cached_automaton(self) -> None:
        words = ("一号词", "二号词")
        scan_for_publication("一号词", words)
        before = sensitive_word_matcher.cache_info()
        scan_for_publication("二号词", list(reversed(words)))
        after = sensitive_word_matcher.cache_info()
        assert after.hits == before.hits + 1 and after.misses == before.misses

    @given(resident_ids())
    def test_every_valid_identity_number_is_reported(self, number: str) -> None:
        assert kinds_and_texts(scan_for_publication(f"附件中有身份证号{number}。", [])) == [("resident_id", number)]


class TestExcerpt:
    def test_hit_is_marked_with_context_on_both_sides(self) -> None:
        text = "根据有关规定，本文件属于内部资料，不得在政府网站公开发布，请各单位注意。"
        finding = SensitiveWordMatcher(WORDS).find(text)[0]
        assert excerpt(text, finding, width=6) == "…，本文件属于【内部资料】，不得在政府…"

    def test_no_ellipsis_at_the_ends_of_the_text(self) -> None:
        text = "绝密文件"
        assert excerpt(text, Finding("sensitive_word", 0, 2, "绝密")) == "【绝密】文件"

    def test_numbers_are_shown_masked_unless_asked_otherwise(self) -> None:
        text = "联系电话13812345678"
        finding = scan_for_publication(text, [])[0]
        assert excerpt(text, finding) == "联系电话【138****5678】"
        assert excerpt(text, finding, mask=False) == "联系电话【13812345678】"

    def test_names_addresses_and_health_are_shown_masked_too(self) -> None:
        text = "当事人张三丰，患有抑郁症"
        excerpts = [excerpt(text, f) for f in scan_for_publication(text, [])]
        assert excerpts == ["当事人【张某某】，**", "当事人张某某，【**】"]

    def test_a_number_in_the_context_of_another_finding_is_masked(self) -> None:
        text = "绝密：联系人手机13812345678"
        word = SensitiveWordMatcher(["绝密"]).find(text)[0]
        assert excerpt(text, word, width=7) == "【绝密】：联系人手机138****5678"

    def test_line_breaks_become_spaces(self) -> None:
        text = "第一行\n绝密\n第三行"
        assert excerpt(text, Finding("sensitive_word", 4, 6, "绝密")) == "第一行 【绝密】 第三行"
