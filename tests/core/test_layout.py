"""Chinese line breaking of official documents (GB/T 9704): no line starts with a closing mark,
none overflows the type area, titles are balanced and broken between words."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from zwgk.core.layout import CANNOT_END, CANNOT_START, balance_title, break_paragraph, cells

TEXT = st.text(alphabet=st.sampled_from(list("政府信息公开申请答复书第十五条款") + list("，。、；：”“（）《》")
                                          + list("2026abc")), min_size=1, max_size=300)


@given(TEXT, st.integers(min_value=4, max_value=40), st.sampled_from([0, 2]))
def test_lines_keep_every_character_and_fit_the_type_area(text, width, indent):
    lines = break_paragraph(text, width, indent=indent)
    assert "".join(lines) == text
    for i, line in enumerate(lines):
        assert cells(line) <= width - (indent if i == 0 else 0) or len(line) == 1


@given(TEXT, st.integers(min_value=4, max_value=40))
def test_no_line_starts_with_a_closing_mark_unless_the_marks_fill_a_line(text, width):
    lines = break_paragraph(text, width)
    for before, line in pairwise(lines):
        if len(before) > 1:
            assert line[0] not in CANNOT_START
            assert before[-1] not in CANNOT_END


def test_a_closing_mark_takes_the_last_character_down_with_it():
    text = "一二三四五，六"
    assert break_paragraph(text, 5) == ["一二三四", "五，六"]


def test_the_transfer_slip_title_breaks_between_words_in_balanced_lines():
    assert balance_title("宁夏回族自治区公安厅依申请公开政府信息转办单", 20) == [
        "宁夏回族自治区公安厅", "依申请公开政府信息转办单"]


@given(st.text(alphabet=st.sampled_from(list("宁夏回族自治区公安厅关于政府信息公开工作的通知答复书")), min_size=21,
               max_size=80))
def test_no_title_leaves_one_character_alone(title):
    lines = balance_title(title, 20)
    assert "".join(lines) == title
    assert all(cells(line) <= 20 for line in lines)
    assert cells(lines[-1]) > 1
