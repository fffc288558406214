"""What the detector finds in citizens' letters (Art. 32), and what it must leave alone."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given

from tests.privacy.strategies import letters_with_numbers
from zwgk.privacy.detect import KIND_LABELS, KINDS, Finding, find_private_data, lexicon, load_health_terms
from zwgk.privacy.ids import luhn_valid, resident_id_check_char

ID_X = "11010519491231002X"
ID_NX = "640105198001011231"  # check character 1 is right for 64010519800101123


def kinds_and_texts(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_private_data(text, **kwargs)]  # type: ignore[arg-type]


def of_kind(text: str, kind: str, **kwargs: object) -> list[str]:
    return [t for k, t in kinds_and_texts(text, **kwargs) if k == kind]


class TestIdentityNumbers:
    def test_valid_number_is_found(self) -> None:
        assert kinds_and_texts(f"我的身份证号是{ID_NX}，请核实。") == [("resident_id", ID_NX)]

    def test_number_ending_in_x_is_found_in_either_case(self) -> None:
        assert of_kind(f"身份证{ID_X.lower()}丢了", "resident_id") == [ID_X.lower()]

    def test_mistyped_number_with_real_birth_date_is_found_as_suspected(self) -> None:
        assert kinds_and_texts("身份证号640105198001011238，系统说不对") == [("suspected_id", "640105198001011238")]

    def test_first_generation_fifteen_digit_number_is_found(self) -> None:
        assert of_kind("老身份证号码640104800101123", "resident_id") == ["640104800101123"]

    def test_number_written_in_groups_is_found_whole(self) -> None:
        assert of_kind("身份证：640105 19800101 1231 已挂失", "resident_id") == ["640105 19800101 1231"]

    def test_full_width_digits_are_found(self) -> None:
        written = "６４０１０５１９８００１０１１２３１"
        assert of_kind(f"身份证{written}", "resident_id") == [written]

    def test_receipt_number_glued_to_a_letter_is_not_an_identity_number(self) -> None:
        assert find_private_data("报案回执编号是J6401062023110200158，请问多久有结果？") == []

    def test_valid_number_glued_to_letters_is_still_found(self) -> None:
        assert of_kind(f"ID{ID_NX}abc", "resident_id") == [ID_NX]

    @pytest.mark.parametrize(
        "text",
        [
            "事故认定书编号640202120230915003",  # date part 20230915 is real but 640202 1 202... is not a birth date
            "案号西公（刑）立字〔2023〕1187号",
            "订单号20231015123456789",
            "受理回执号A6405023000002023090015",
        ],
    )
    def test_case_and_order_numbers_are_not_identity_numbers(self, text: str) -> None:
        assert of_kind(text, "resident_id") == []


class TestPhoneNumbers:
    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ("13812345678", "13812345678"),
            ("138-1234-5678", "138-1234-5678"),
            ("138 1234 5678", "138 1234 5678"),
            ("+86 13812345678", "+86 13812345678"),
            ("+8613812345678", "+8613812345678"),
        ],
    )
    def test_mobile_in_the_usual_ways_of_writing_it(self, written: str, expected: str) -> None:
        assert kinds_and_texts(f"我的手机{written}，谢谢") == [("mobile", expected)]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("家里电话0951-6136088", "0951-6136088"),
            ("家里电话09516136088", "09516136088"),
            ("只有座机(0951)6136088", "(0951)6136088"),
            ("只有座机（0954）2862357", "（0954）2862357"),
            ("北京的座机010-62558817", "010-62558817"),
            ("我们家电话6038215", "6038215"),
            ("座机：60382150，白天有人", "60382150"),
        ],
    )
    def test_landline_with_area_code_or_after_a_cue_word(self, text: str, expected: str) -> None:
        assert of_kind(text, "landline") == [expected]

    def test_seven_digits_without_a_cue_word_are_not_a_phone_number(self) -> None:
        assert find_private_data("共损失6038215元") == []

    @pytest.mark.parametrize(
        "text",
        [
            "出入境大厅电话0951-5045110一直打不通",
            "派出所的值班电话是0951-8061110",
            "请问兴庆区公安分局办事大厅的服务电话是0951-6073456吗",
        ],
    )
    def test_office_numbers_are_public_and_not_reported(self, text: str) -> None:
        assert find_private_data(text) == []

    def test_office_word_does_not_hide_a_number_called_personal(self) -> None:
        assert of_kind("我去了派出所，我家电话0951-5012345", "landline") == ["0951-5012345"]

    def test_office_word_does_not_hide_a_mobile(self) -> None:
        assert of_kind("派出所民警的电话13912345678", "mobile") == ["13912345678"]

    @pytest.mark.parametrize("text", ["打了110也打了12345", "12389是投诉电话吗", "打122说管不了", "罚款200元，扣3分"])
    def test_hotlines_and_amounts_are_not_phone_numbers(self, text: str) -> None:
        assert find_private_data(text) == []


class TestBankCardsEmailsPlates:
    def test_card_number_passing_luhn_is_found(self) -> None:
        assert kinds_and_texts("转到6222021234567890128这个账户") == [("bank_card", "6222021234567890128")]

    def test_card_number_in_groups_of_four_is_found(self) -> None:
        assert of_kind("卡号4111 1111 1111 1111已冻结", "bank_card") == ["4111 1111 1111 1111"]

    def test_sixteen_digits_failing_luhn_are_not_a_card(self) -> None:
        assert of_kind("流水号4111111111111112", "bank_card") == []

    def test_email_address(self) -> None:
        assert kinds_and_texts("邮箱nx_mahong88@qq.com经常收到诈骗邮件") == [("email", "nx_mahong88@qq.com")]

    @pytest.mark.parametrize("plate", ["宁A12345", "宁A·D12345", "京A-12345", "宁E·A5372", "陕H2D719", "宁a8k237"])
    def test_licence_plates(self, plate: str) -> None:
        assert of_kind(f"车牌号{plate}的车", "plate") == [plate]

    @pytest.mark.parametrize("text", ["我的车是宁A牌照", "宁夏ABCDE公司", "新款AB型号"])
    def test_plate_look_alikes(self, text: str) -> None:
        assert of_kind(text, "plate") == []


class TestNames:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("我叫张三丰，家住银川", "张三丰"),
            ("投诉民警马建军态度恶劣", "马建军"),
            ("举报人：李国栋，联系电话", "李国栋"),
            ("我儿子王子豪在网吧被人抢了", "王子豪"),
            ("嫌疑人刘强已经跑了", "刘强"),
            ("王建国先生来信反映", "王建国"),
            ("民警欧阳静同志认真负责", "欧阳静"),
            ("我的名字是纳秀兰，户口本写错了", "纳秀兰"),
            ("我是李红梅我老家是西吉县的", "李红梅"),
            ("住在楼下的周大勇经常酒后骂人", "周大勇"),
            ("找马俊所长签字", "马俊"),
            ("迁移证上的名字是买买提·艾力，能按原写法登记吗", "买买提·艾力"),
        ],
    )
    def test_name_is_found_from_its_context(self, text: str, name: str) -> None:
        assert of_kind(text, "name") == [name]

    def test_names_in_an_enumeration_are_all_found(self) -> None:
        assert of_kind("同学张浩然、李子墨和王五打了我儿子", "name") == ["张浩然", "李子墨", "王五"]

    def test_a_found_name_is_found_again_where_it_recurs(self) -> None:
        assert of_kind("我叫马晓燕。请回电马晓燕本人", "name") == ["马晓燕", "马晓燕"]

    def test_names_staff_know_are_found_without_context(self) -> None:
        assert of_kind("周文斌反映的问题已转办", "name", extra_names=["周文斌"]) == ["周文斌"]

    @pytest.mark.parametrize(
        "text",
        [
            "民警张某某到了现场",  # already masked
            "举报人马某某，举报拖欠工资",
            "王警官和马所长都很负责",  # surname and title: nothing to hide
            "有一名姓王的警官",
            "民警马上赶到了现场",
            "本人于昨天下午报警",
            "外国朋友来宁夏旅游",
            "我是甘肃人在贺兰县上班",
            "投诉金凤区某派出所",
            "举报海原县有人非法捕猎",
            "希望交警查一查",
            "请交警公正处理",
            "原州区公安分局民警",
            "欧阳修的醉翁亭记",
            "尊敬的厅长您好",
            "感谢各位同志",
            "市民王先生向记者反映路灯坏了",
        ],
    )
    def test_ordinary_words_and_masked_names_are_not_names(self, text: str) -> None:
        assert of_kind(text, "name") == []


class TestAddresses:
    def test_home_address_is_found_after_the_district(self) -> None:
        text = "家住银川市兴庆区丽景街湖畔嘉苑3号楼2单元1102室，联系人"
        assert of_kind(text, "address") == ["丽景街湖畔嘉苑3号楼2单元1102室"]

    def test_village_and_group_are_an_address_without_a_cue(self) -> None:
        assert of_kind("我是固原市原州区官厅镇后川村三组的村民", "address") == ["官厅镇后川村三组"]

    def test_address_after_a_city_without_district(self) -> None:
        assert of_kind("住址：青铜峡市小坝镇新华街东方花园14号楼", "address") == ["小坝镇新华街东方花园14号楼"]

    def test_address_without_any_administrative_name(self) -> None:
        assert of_kind("我住在阅海湾小区12号楼3单元602室", "address") == ["阅海湾小区12号楼3单元602室"]

    def test_bare_zhu_before_a_place_name_is_a_cue(self) -> None:
        assert of_kind("我叫虎秀珍，住固原市原州区南关街道南城路98号。", "address") == ["南关街道南城路98号"]

    def test_compound_name_without_usual_suffix(self) -> None:
        assert of_kind("地址是利通区胜利东街绿地新都会6号楼1单元。", "address") == ["胜利东街绿地新都会6号楼1单元"]

    @pytest.mark.parametrize(
        "text",
        [
            "地点在金凤区宁安大街与北京中路交叉口",
            "去了三次兴庆区胜利街派出所",
            "我在西夏区文昌北街被一辆白色轿车撞了",
            "我爸妈在海原县农村，我在银川",
            "外国朋友住在朋友家里",
            "在固原市原州区政府门口有人拉横幅",
            "车管所地址：银川市金凤区宝湖路99号",
            "民警在金凤区某小区内抓获两人",  # anonymised by the writer
            "请到出入境管理局（银川市金凤区北京中路128号）办理",
            "他住院了，住宿费已经交了",
        ],
    )
    def test_incident_places_and_offices_are_not_home_addresses(self, text: str) -> None:
        assert of_kind(text, "address") == []


class TestHealth:
    def test_term_with_its_phrase_is_covered_whole(self) -> None:
        assert of_kind("我儿子患有抑郁症，需要照顾", "health") == ["患有抑郁症"]

    def test_history_suffix_is_covered(self) -> None:
        assert of_kind("她有癫痫病史，请帮忙寻找", "health") == ["癫痫病史"]

    def test_ascii_term_in_any_case(self) -> None:
        assert of_kind("他被查出hiv阳性", "health") == ["查出hiv"]

    def test_exception_phrase_is_not_health_information(self) -> None:
        assert of_kind("请问残疾人机动轮椅车怎么上牌", "health") == []

    def test_custom_term_list_replaces_the_default(self) -> None:
        assert of_kind("他有痛风，也有高血压", "health", health_terms=["痛风"]) == ["痛风"]


class TestContract:
    def test_findings_are_sorted_non_overlapping_and_cut_from_the_text(self) -> None:
        text = (
            f"我叫马晓燕，身份证{ID_NX}，电话138-1234-5678，家住银川市金凤区阅海万家D区12号楼3单元602室，"
            "我母亲患有高血压，车牌宁A12345，邮箱mxy@163.com"
        )
        findings = find_private_data(text)
        assert [f.kind for f in findings] == ["name", "resident_id", "mobile", "address", "health", "plate", "email"]
        assert all(f.text == text[f.start : f.end] for f in findings)
        assert all(a.end <= b.start for a, b in pairwise(findings))

    def test_kinds_are_the_documented_codes(self) -> None:
        assert set(KINDS) == {
            "resident_id", "suspected_id", "passport", "mobile", "landline", "bank_card", "email", "wechat", "qq",
            "plate", "name", "address", "health",
        }
        assert set(KIND_LABELS) == set(KINDS)
        assert KIND_LABELS["suspected_id"] == "疑似身份证号"

    def test_finding_is_immutable(self) -> None:
        finding = Finding("name", 0, 2, "张三")
        with pytest.raises(AttributeError):
            finding.kind = "mobile"  # type: ignore[misc]

    def test_text_without_private_data(self) -> None:
        assert find_private_data("请问护照加急需要什么条件？办理需要几天？") == []
        assert find_private_data("") == []

    @given(letters_with_numbers())
    def test_every_embedded_number_is_found(self, case: tuple[str, list[str]]) -> None:
        text, items = case
        found = [f.text for f in find_private_data(text) if f.kind in ("resident_id", "mobile")]
        for item in items:
            assert any(item in f for f in found), (item, text)


class TestSuspectedIdentityNumbers:
    @pytest.mark.parametrize("check", [c for c in "0123456789X" if c != resident_id_check_char("64010519800101123")])
    def test_any_wrong_check_character_is_suspected(self, check: str) -> None:
        number = "64010519800101123" + check
        assert kinds_and_texts(f"身份证号{number}。") == [("suspected_id", number)]

    def test_luhn_valid_number_after_a_card_word_stays_a_bank_card(self) -> None:
        first17 = "64010519800101123"
        number = next(
            first17 + c for c in "0123456789" if c != resident_id_check_char(first17) and luhn_valid(first17 + c)
        )
        assert kinds_and_texts(f"银行卡号{number}") == [("bank_card", number)]
        assert kinds_and_texts(f"身份证{number}") == [("suspected_id", number)]

    def test_unknown_province_code_is_no_identity_number(self) -> None:
        assert find_private_data("流水号990105198001011238") == []


class TestMessagingAccountsAndPassports:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("加我微信zhangsan_88，晚上联系", ("wechat", "zhangsan_88")),
            ("我的微信号是wxid_abc12345。", ("wechat", "wxid_abc12345")),
            ("VX：Ma-Lin2026 备注来意", ("wechat", "Ma-Lin2026")),
            ("他的QQ号：123456789", ("qq", "123456789")),
            ("扣扣 88776655", ("qq", "88776655")),
            ("护照号E12345678已过期", ("passport", "E12345678")),
            ("护照号码：EA1234567", ("passport", "EA1234567")),
            ("拿着G12345678的旧护照", ("passport", "G12345678")),
            ("往来港澳通行证C12345678", ("passport", "C12345678")),
        ],
    )
    def test_found_in_context(self, text: str, expected: tuple[str, str]) -> None:
        assert kinds_and_texts(text) == [expected]

    @pytest.mark.parametrize(
        "text",
        ["请关注微信公众号“宁夏公安”", "QQ群里有人说", "型号E1234567", "索引号11640000MB1234567X/2026-00012"],
    )
    def test_no_account_without_its_shape(self, text: str) -> None:
        assert [k for k, _ in kinds_and_texts(text) if k in ("wechat", "qq", "passport")] == []


class TestHealthBeyondTheList:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("我患有严重的腰椎间盘突出症，不能久站", "患有严重的腰椎间盘突出症"),
            ("去年查出了肾结石", "查出了肾结石"),
            ("被诊断为慢性支气管炎", "被诊断为慢性支气管炎"),
            ("母亲确诊为帕金森，一直卧床", "确诊为帕金森"),
            ("他确诊了渐冻人症", "确诊了渐冻人症"),
            ("有十多年的哮喘病史", "十多年的哮喘病史"),
            ("我父亲在市第一人民医院住院治疗", "在市第一人民医院住院治疗"),
        ],
    )
    def test_condition_stated_by_its_phrase(self, text: str, expected: str) -> None:
        assert of_kind(text, "health") == [expected]

    @pytest.mark.parametrize(
        "text",
        ["全区累计确诊病例12例", "住院部在三楼", "住院费用按规定报销", "他得了第一名", "确诊人数下降"],
    )
    def test_statistics_wards_and_fees_are_not_anybodys_health(self, text: str) -> None:
        assert of_kind(text, "health") == []

    @pytest.mark.parametrize("text", ["他因盗窃被抓", "长期吸毒", "被强制隔离戒毒两年", "涉嫌诈骗"])
    def test_crimes_are_not_health_information(self, text: str) -> None:
        assert of_kind(text, "health") == []

    def test_crime_words_are_not_in_the_default_list(self) -> None:
        assert {"吸毒", "戒毒", "强制隔离戒毒", "盗窃", "诈骗"}.isdisjoint(load_health_terms())


class TestCommonWordsAreNoNames:
    @pytest.mark.parametrize(
        "text",
        [
            "朋友王者荣耀玩得好",
            "朋友王者，",
            "司机高速，",
            "他开车上了高速，在高速上出事",
            "邻居李子树上的李子被偷了",
            "朋友李子，",
            "他张开嘴就骂人",
            "邻居张开始打人",
            "服务很周到，感谢民警",
            "同事周到，",
            "朋友钱包被偷了",
        ],
    )
    def test_word_is_not_taken_for_a_name(self, text: str) -> None:
        assert of_kind(text, "name") == []

    def test_an_explicit_naming_cue_still_finds_such_a_name(self) -> None:
        assert of_kind("我叫张开，住在银川", "name") == ["张开"]

    def test_a_longer_name_starting_with_such_a_word_is_still_a_name(self) -> None:
        assert of_kind("老板李子明欠我工资", "name") == ["李子明"]

    def test_stop_list_is_data(self) -> None:
        assert {"王者", "高速", "李子", "张开", "周到"} <= lexicon.word_set("not_names.txt", "words")


class TestWordListsAreData:
    def test_ningxia_divisions_come_from_the_data_file(self) -> None:
        assert "海原县" in lexicon.words("ningxia_places.txt", "counties")
        assert len(lexicon.words("ningxia_places.txt", "cities")) == 5

    def test_an_address_after_a_county_of_the_data_file(self) -> None:
        assert of_kind("我家在海原县三河镇富有村", "address") == ["三河镇富有村"]

    def test_an_iso_date_is_no_building_number(self) -> None:
        assert of_kind("经研究决定，2026-01-25起试用期一年", "address") == []
