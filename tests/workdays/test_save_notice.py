"""Saving a State Council notice: the notice's year is replaced, its December days merged."""

from datetime import date
from pathlib import Path

import pytest

from zwgk.workdays import services
from zwgk.workdays.notice import parse_notice

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db


def test_2019_notice_sets_december_2018_days_in_2018(db):
    services.do_save_year(2018, {}, {}, source="test")  # 2018 emptied: the notice must bring its December back
    services.do_save_notice(parse_notice((FIXTURES / "notice-2019.txt").read_text()))
    assert services.day_info(date(2018, 12, 31)).workday is False
    assert services.day_info(date(2018, 12, 29)).workday is True
    assert services.calendar_of(2019).source == "国务院办公厅通知"


def test_saving_the_2026_notice_keeps_the_deadlines_of_the_package(db):
    before = services.deadline(date(2026, 9, 30), 15)
    services.do_save_notice(parse_notice((FIXTURES / "notice-2026.txt").read_text()))
    assert services.deadline(date(2026, 9, 30), 15) == before
