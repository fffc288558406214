"""Reference data (not demo data): the two policy profiles and the calendar of every year that
the chinesecalendar package knows."""

from django.db import migrations

MESSAGE_REPLY = {  # Art. 31; API.md "Policy"
    "consultation": {"simple": 1, "complex": 3, "major": 7},
    "suggestion": {"simple": 1, "complex": 3, "major": 7},
    "tip_off": {"simple": 3, "complex": 7, "major": 7},
    "complaint": {"simple": 7, "complex": 15, "major": 15},
}
NEW_MEDIA_REPLY = {"simple": 0, "complex": 3, "major": 7}  # Art. 37: 当日, 3, 7

PROFILES = [
    ("seed-2018", "宁夏公安厅政务公开工作实施办法（2018）",
     {"application_reply": 15, "application_extension": 15, "supplement_notice": 7, "third_party_reply": 15,
      "publication": 5}),
    ("national-2019", "中华人民共和国政府信息公开条例（2019年修订）",
     {"application_reply": 20, "application_extension": 20, "supplement_notice": 7, "third_party_reply": 15,
      "publication": 20}),
]


def seed(apps, schema_editor):
    from zwgk.workdays import chinese_calendar_source

    PolicyProfile = apps.get_model("workdays", "PolicyProfile")
    for code, name, limits in PROFILES:
        PolicyProfile.objects.update_or_create(
            code=code,
            defaults={"name": name, "limits": limits, "message_reply": MESSAGE_REPLY,
                      "new_media_reply": NEW_MEDIA_REPLY},
        )
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    CalendarDay = apps.get_model("workdays", "CalendarDay")
    for year in chinese_calendar_source.known_years():
        try:
            calendar = chinese_calendar_source.year_calendar(year)
        except LookupError:
            continue
        row, created = CalendarYear.objects.get_or_create(year=year, defaults={"source": "chinesecalendar 软件包"})
        if not created:
            continue
        CalendarDay.objects.bulk_create(
            [CalendarDay(date=d, year=row, kind="holiday", name=n) for d, n in calendar.holidays.items()]
            + [CalendarDay(date=d, year=row, kind="workday", name=n) for d, n in calendar.workdays.items()]
        )


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
