"""Chinese weekdays everywhere (issue #13): one filter, ``with_weekday``, writes 星期一 … 星期日 from
its own table whatever the server's locale; no template or code shows an English weekday."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import translation

from zwgk.portal.templatetags.weekdays import with_weekday

ZWGK = Path(__file__).resolve().parents[2] / "zwgk"


def test_a_week_of_2026_is_written_in_chinese():
    days = [with_weekday(date(2026, 3, d)) for d in range(2, 9)]
    assert days == ["2026-03-02（星期一）", "2026-03-03（星期二）", "2026-03-04（星期三）", "2026-03-05（星期四）",
                    "2026-03-06（星期五）", "2026-03-07（星期六）", "2026-03-08（星期日）"]


def test_the_date_part_takes_the_templates_format():
    rendered = Template('{% load weekdays %}{{ d|with_weekday:"Y年n月j日" }}').render(Context({"d": date(2026, 10, 9)}))
    assert rendered == "2026年10月9日（星期五）"


def test_the_weekday_stays_chinese_under_an_english_locale():
    with translation.override("en"):
        assert with_weekday(date(2026, 12, 31)) == "2026-12-31（星期四）"


def test_a_datetime_is_shown_on_its_local_day():
    # 2026-03-01 20:00 UTC is Monday 2 March in Beijing (TIME_ZONE Asia/Shanghai).
    moment = datetime(2026, 3, 1, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert with_weekday(moment) == "2026-03-02（星期一）"


def test_no_date_shows_nothing():
    assert with_weekday(None) == ""


def test_no_template_or_module_formats_an_english_weekday():
    english = re.compile(r"""\|date:["'][^"']*[DlN]|strftime\([^)]*%[aA]|%a\b""")
    found = [f"{path.relative_to(ZWGK)}:{n}" for path in [*ZWGK.rglob("*.html"), *ZWGK.rglob("*.py")]
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if english.search(line)]
    assert found == []
