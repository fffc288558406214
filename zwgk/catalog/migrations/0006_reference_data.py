"""Reference data: the index-number pattern (Art. 26; kind "catalog") and a starting list of
sensitive words for the pre-publication scan (Art. 4). Both are data the office can change."""

from django.db import migrations

PATTERN = ("catalog", "信息公开目录索引号", "{unified_code}/{year}-{serial:05d}")
WORDS = [
    ("绝密", "密级标志"),
    ("机密", "密级标志"),
    ("秘密★", "密级标志"),
    ("内部资料", "不宜公开的标注"),
    ("警务工作秘密", "第四条、第九条"),
    ("内部使用", "不宜公开的标注"),
    ("注意保存", "不宜公开的标注"),
]


def seed(apps, schema_editor):
    NumberPattern = apps.get_model("core", "NumberPattern")
    kind, label, pattern = PATTERN
    NumberPattern.objects.get_or_create(kind=kind, defaults={"label": label, "pattern": pattern})
    SensitiveWord = apps.get_model("catalog", "SensitiveWord")
    for word, note in WORDS:
        SensitiveWord.objects.get_or_create(word=word, defaults={"note": note})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_search_index"), ("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
