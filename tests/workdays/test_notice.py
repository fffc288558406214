"""Reading the State Council's holiday notice (zwgk.workdays.notice).

The fixtures are the published texts (国办发明电): 2018 〔2017〕12号, 2019 〔2018〕15号, 2020
〔2019〕16号, 2024 〔2023〕7号, 2025 〔2024〕12号, and the 2026 notice as given in
/work/shared/fixtures. chinesecalendar, the reference, follows later corrections the notices do
not contain (2019 Labour Day, 〔2019〕3号; the 2020 epidemic extension of Spring Festival,
〔2020〕1号); those differences are asserted exactly below.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from zwgk.workdays.chinese_calendar_source import year_calendar
from zwgk.workdays.counting import add_working_days, is_workday
from zwgk.workdays.notice import NoticeParseError, ParsedNotice, parse_notice

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(year: int) -> str:
    return (FIXTURES / f"notice-{year}.txt").read_text(encoding="utf-8")


def notice(year: int, *clauses: str) -> str:
    """A minimal notice: the title and the given clauses, one a line."""
    return f"国务院办公厅关于{year}年部分节假日安排的通知\n\n" + "\n".join(clauses) + "\n"


def parse(year: int, *clauses: str) -> ParsedNotice:
    return parse_notice(notice(year, *clauses))


def d(year: int, month: int, day: int) -> date:
    return date(year, month, day)


# --- the published notices against chinesecalendar --------------------------------------------


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_fixture_matches_chinesecalendar_exactly(year: int) -> None:
    parsed = parse_notice(fixture(year))
    reference = year_calendar(year)
    assert parsed.year == year
    assert set(parsed.holidays) == set(reference.holidays)
    assert set(parsed.workdays) == set(reference.workdays)


def test_2018_notice_plus_the_december_of_the_2019_notice_is_chinesecalendars_2018() -> None:
    parsed_2018 = parse_notice(fixture(2018))
    parsed_2019 = parse_notice(fixture(2019))
    reference = year_calendar(2018)
    assert set(parsed_2018.holidays) | {day for day in parsed_2019.holidays if day.year == 2018} == set(
        reference.holidays
    )
    assert set(parsed_2018.workdays) | {day for day in parsed_2019.workdays if day.year == 2018} == set(
        reference.workdays
    )
    assert parsed_2018.holidays == {day: name for day, name in reference.holidays.items() if day.month < 12}


def test_2019_notice_differs_from_chinesecalendar_only_by_the_labour_day_correction() -> None:
    parsed = parse_notice(fixture(2019))
    reference = year_calendar(2019)
    own_holidays = {day for day in parsed.holidays if day.year == 2019}
    own_workdays = {day for day in parsed.workdays if day.year == 2019}
    labour_day_correction = {d(2019, 5, 2), d(2019, 5, 3), d(2019, 5, 4)}
    # "与周末连休": chinesecalendar lists that weekend in 2019, the notice does not.
    joined_weekends = {d(2019, 4, 6), d(2019, 4, 7), d(2019, 6, 8), d(2019, 6, 9)}
    joined_weekends |= {d(2019, 9, 14), d(2019, 9, 15)}
    assert set(reference.holidays) - own_holidays == labour_day_correction | joined_weekends
    assert own_holidays <= set(reference.holidays)
    assert set(reference.workdays) - own_workdays == {d(2019, 4, 28), d(2019, 5, 5)}
    assert own_workdays == set(reference.workdays) - {d(2019, 4, 28), d(2019, 5, 5)}
    assert all(day.weekday() >= 5 for day in joined_weekends)


def test_2020_notice_differs_from_chinesecalendar_only_by_the_epidemic_extension() -> None:
    parsed = parse_notice(fixture(2020))
    reference = year_calendar(2020)
    assert set(reference.holidays) - set(parsed.holidays) == {d(2020, 1, 31), d(2020, 2, 1), d(2020, 2, 2)}
    assert set(parsed.holidays) <= set(reference.holidays)
    assert set(parsed.workdays) - set(reference.workdays) == {d(2020, 2, 1)}  # cancelled by the extension
    assert set(reference.workdays) <= set(parsed.workdays)


@pytest.mark.parametrize("year", [2018, 2020, 2024, 2025, 2026])
def test_working_days_of_the_notice_agree_with_chinesecalendar(year: int) -> None:
    # The December of 2018 is decided by the 2019 notice, which counting consults as "next year".
    years = (2018, 2019) if year == 2018 else (year,)
    calendars = {y: parse_notice(fixture(y)).as_calendar() for y in years}
    corrected = {2020: {d(2020, 1, 31), d(2020, 2, 1), d(2020, 2, 2)}}.get(year, set())
    day = d(year, 1, 1)
    while day.year == year:
        if day not in corrected:
            assert is_workday(day, calendars) == (chinese_calendar.is_workday(day), True), day
        day += timedelta(days=1)


def test_2026_notice_workdays_and_names() -> None:
    parsed = parse_notice(fixture(2026))
    assert parsed.workdays == {
        d(2026, 1, 4): "元旦",
        d(2026, 2, 14): "春节",
        d(2026, 2, 28): "春节",
        d(2026, 5, 9): "劳动节",
        d(2026, 9, 20): "国庆节",
        d(2026, 10, 10): "国庆节",
    }
    assert parsed.holidays[d(2026, 1, 3)] == "元旦"
    assert parsed.holidays[d(2026, 2, 15)] == "春节"
    assert parsed.holidays[d(2026, 2, 23)] == "春节"
    assert parsed.holidays[d(2026, 4, 4)] == "清明节"
    assert parsed.holidays[d(2026, 5, 5)] == "劳动节"
    assert parsed.holidays[d(2026, 6, 21)] == "端午节"
    assert parsed.holidays[d(2026, 9, 25)] == "中秋节"
    assert parsed.holidays[d(2026, 10, 7)] == "国庆节"
    assert len(parsed.holidays) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert parsed.as_calendar().holidays == year_calendar(2026).holidays  # same names as seeded
    assert parsed.as_calendar().workdays == year_calendar(2026).workdays


def test_2026_calendar_from_the_notice_counts_the_national_day_deadline() -> None:
    calendars = {2026: parse_notice(fixture(2026)).as_calendar()}
    assert add_working_days(d(2026, 9, 30), 15, calendars).date == d(2026, 10, 27)


def test_combined_national_day_and_mid_autumn_clause_2020_and_2025() -> None:
    for year, last, workdays in [
        (2020, 8, {d(2020, 9, 27), d(2020, 10, 10)}),
        (2025, 8, {d(2025, 9, 28), d(2025, 10, 11)}),
    ]:
        parsed = parse_notice(fixture(year))
        for day in range(1, last + 1):
            assert parsed.holidays[d(year, 10, day)] == "国庆节、中秋节"
        assert {day for day, name in parsed.workdays.items() if name == "国庆节、中秋节"} == workdays


def test_2025_preamble_dates_are_not_clauses() -> None:
    # "自2025年1月1日起", "国庆节自10月1日起放假调休7天" stand before the clauses.
    parsed = parse_notice(fixture(2025))
    assert parsed.holidays[d(2025, 1, 1)] == "元旦"
    assert len(parsed.holidays) == 1 + 8 + 3 + 5 + 3 + 8


def test_2024_new_years_eve_recommendation_is_not_a_holiday() -> None:
    # "安排职工在除夕（2月9日）休息" only encourages; 2/9 stays a working Friday.
    parsed = parse_notice(fixture(2024))
    assert d(2024, 2, 9) not in parsed.holidays
    assert min(day for day, name in parsed.holidays.items() if name == "春节") == d(2024, 2, 10)


def test_2019_new_year_reaches_into_2018_under_its_real_year() -> None:
    parsed = parse_notice(fixture(2019))
    assert parsed.year == 2019
    assert {day for day, name in parsed.holidays.items() if name == "元旦"} == {
        d(2018, 12, 30),
        d(2018, 12, 31),
        d(2019, 1, 1),
    }
    assert parsed.workdays[d(2018, 12, 29)] == "元旦"
    split = parsed.split_by_year()
    assert set(split) == {2018, 2019}
    assert split[2018] == ({d(2018, 12, 30): "元旦", d(2018, 12, 31): "元旦"}, {d(2018, 12, 29): "元旦"})
    assert d(2019, 1, 1) in split[2019][0]


def test_2020_single_day_with_explicit_year_and_total() -> None:
    parsed = parse_notice(fixture(2020))
    assert {day for day, name in parsed.holidays.items() if name == "元旦"} == {d(2020, 1, 1)}


# --- reposted copies --------------------------------------------------------------------------


def test_half_width_punctuation_and_spaces_parse_the_same() -> None:
    text = fixture(2026)
    reposted = text.translate(str.maketrans({"（": "(", "）": ")", "：": ":", "，": ","})).replace("：", ": ")
    reposted = reposted.replace("、元旦:", "、元旦: ").replace("\n", "\n  ")
    assert parse_notice(reposted) == parse_notice(text)


def test_text_on_one_line_parses_the_same() -> None:
    text = fixture(2024)
    assert parse_notice(text.replace("\n", "")) == parse_notice(text)


def test_full_width_digits_parse_the_same() -> None:
    text = fixture(2025)
    wide = text.translate({ord(str(i)): chr(0xFF10 + i) for i in range(10)})
    assert parse_notice(wide) == parse_notice(text)


def test_year_from_the_opening_sentence_when_the_title_is_missing() -> None:
    text = fixture(2026).split("\n", 1)[1]
    assert "部分节假日安排" not in text
    assert parse_notice(text) == parse_notice(fixture(2026))


def test_year_given_by_the_caller_when_the_text_has_only_clauses() -> None:
    clauses = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
    parsed = parse_notice(clauses, year=2026)
    assert parsed.year == 2026
    assert set(parsed.holidays) == {d(2026, 1, 1), d(2026, 1, 2), d(2026, 1, 3)}


# --- synthetic clauses --------------------------------------------------------------------------


def test_single_day_holiday_without_adjustment() -> None:
    parsed = parse(2025, "一、元旦：1月1日（周三）放假1天，不调休。")
    assert parsed.holidays == {d(2025, 1, 1): "元旦"}
    assert parsed.workdays == {}


def test_single_day_joined_with_the_weekend_lists_only_that_day() -> None:
    parsed = parse(2024, "五、端午节：6月10日放假，与周末连休。")
    assert parsed.holidays == {d(2024, 6, 10): "端午节"}


def test_range_across_months() -> None:
    parsed = parse(2025, "五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。")
    assert set(parsed.holidays) == {d(2025, 5, 31), d(2025, 6, 1), d(2025, 6, 2)}
    parsed = parse(2012, "七、中秋节、国庆节：9月30日至10月7日放假调休，共8天。9月29日（星期六）上班。")
    assert len(parsed.holidays) == 8
    assert min(parsed.holidays) == d(2012, 9, 30) and max(parsed.holidays) == d(2012, 10, 7)
    assert parsed.workdays == {d(2012, 9, 29): "中秋节、国庆节"}


def test_range_across_the_year_without_written_years_starts_in_the_previous_december() -> None:
    parsed = parse(2019, "一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。")
    assert parsed.year == 2019
    assert set(parsed.holidays) == {d(2018, 12, 30), d(2018, 12, 31), d(2019, 1, 1)}
    assert parsed.workdays == {d(2018, 12, 29): "元旦"}


def test_combined_festivals_name_every_day_of_the_clause() -> None:
    parsed = parse(
        2020, "六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。"
    )
    assert set(parsed.holidays.values()) == {"国庆节、中秋节"}
    assert parsed.workdays == {d(2020, 9, 27): "国庆节、中秋节", d(2020, 10, 10): "国庆节、中秋节"}


def test_lunar_notes_in_brackets() -> None:
    parsed = parse(
        2026,
        "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。"
        "2月14日（周六）、2月28日（周六）上班。",
    )
    assert set(parsed.holidays) == {d(2026, 2, day) for day in range(15, 24)}
    assert set(parsed.workdays) == {d(2026, 2, 14), d(2026, 2, 28)}
    parsed = parse(2025, "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。")
    assert len(parsed.holidays) == 8


def test_xingqi_and_zhou_mean_the_same() -> None:
    with_zhou = parse(2024, "三、清明节：4月4日至6日放假调休，共3天。4月7日（周日）上班。")
    with_xingqi = parse(2024, "三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。")
    with_xingqitian = parse(2024, "三、清明节：4月4日至6日放假调休，共3天。4月7日（星期天）上班。")
    assert with_zhou == with_xingqi == with_xingqitian


def test_day_in_lieu_bu_xiu_is_a_holiday() -> None:
    parsed = parse(2017, "一、元旦：1月1日放假，1月2日（星期一）补休。")
    assert parsed.holidays == {d(2017, 1, 1): "元旦", d(2017, 1, 2): "元旦"}
    assert set(parsed.holidays) == set(year_calendar(2017).holidays) & {d(2017, 1, 1), d(2017, 1, 2)}


def test_start_working_again_on_a_weekday_is_not_a_working_weekend_day() -> None:
    parsed = parse(2020, "一、春节：1月24日至2月2日放假调休，共10天。2月3日（星期一）起正常上班。")
    assert len(parsed.holidays) == 10
    assert parsed.workdays == {}


# --- refusals -----------------------------------------------------------------------------------


def test_garbage_text_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="未找到节假日安排条目"):
        parse_notice("今天天气不错，明天10月1日放假。")
    with pytest.raises(NoticeParseError):
        parse_notice("")


def test_notice_parse_error_is_a_value_error() -> None:
    assert issubclass(NoticeParseError, ValueError)


def test_working_day_on_a_weekday_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="周六或周日") as raised:
        parse(2026, "七、国庆节：10月1日至7日放假调休，共7天。10月9日上班。")
    assert "2026年10月9日" in str(raised.value) and "周五" in str(raised.value)


def test_total_days_mismatch_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="共8天") as raised:
        parse(2026, "七、国庆节：10月1日至7日放假调休，共8天。")
    assert "实为7天" in str(raised.value)
    with pytest.raises(NoticeParseError, match="共2天"):
        parse(2025, "一、元旦：1月1日（周三）放假2天，不调休。")


def test_written_weekday_that_is_wrong_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="标注为“周五”"):
        parse(2026, "一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。")
    with pytest.raises(NoticeParseError, match="星期六"):  # a 2025 notice pasted as 2026
        parse(2026, "六、国庆节、中秋节：10月1日至8日放假调休，共8天。10月11日（星期六）上班。")


def test_year_that_cannot_be_told_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="年份"):
        parse_notice("一、元旦：1月1日放假。")


def test_impossible_date_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="不是有效日期"):
        parse(2026, "二、春节：2月28日至30日放假调休，共3天。")


def test_reversed_range_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="颠倒"):
        parse(2026, "七、国庆节：10月7日至1日放假调休。")


def test_clause_without_holidays_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="没有找到放假日期"):
        parse(2026, "一、元旦：1月1日放假，与周末连休。", "二、春节：另行通知。")


def test_same_day_in_two_clauses_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="两个条目"):
        parse(2026, "六、中秋节：10月1日放假。", "七、国庆节：10月1日至7日放假调休，共7天。")


def test_working_day_that_is_also_a_holiday_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="既放假又上班"):
        parse(2026, "三、清明节：4月4日（周六）至6日（周一）放假，共3天。4月4日（周六）上班。")


def test_date_of_another_year_is_refused() -> None:
    with pytest.raises(NoticeParseError, match="不在2026年通知的范围内"):
        parse(2026, "一、元旦：2025年1月1日放假，共1天。")
