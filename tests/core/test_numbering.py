"""Numbers are unique per kind and year and never reused (Art. 15: 登记、编号)."""

import pytest

from zwgk.core.models import Counter, NumberPattern
from zwgk.core.numbering import next_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def pattern():
    return NumberPattern.objects.create(kind="test", label="测试", pattern="T-{year}-{serial:05d}")


def test_numbers_count_up_within_a_year(pattern):
    assert [next_number("test", 2026) for _ in range(3)] == ["T-2026-00001", "T-2026-00002", "T-2026-00003"]


def test_each_year_starts_again_at_one(pattern):
    next_number("test", 2026)
    assert next_number("test", 2027) == "T-2027-00001"


def test_a_serial_is_never_handed_out_again(pattern):
    next_number("test", 2026)
    Counter.objects.filter(kind="test").update(value=41)
    assert next_number("test", 2026) == "T-2026-00042"


def test_the_pattern_is_data(pattern):
    NumberPattern.objects.filter(kind="test").update(pattern="{year}第{serial}号")
    assert next_number("test", 2026) == "2026第1号"
