"""The masking word lists in the database, seeded from the shipped files of zwgk/privacy/data/."""

from django.db import migrations, models


def seed(apps, schema_editor):
    from zwgk.privacy.detect import lexicon

    WordListText = apps.get_model("privacy", "WordListText")
    for filename in lexicon.filenames():
        WordListText.objects.get_or_create(filename=filename, defaults={"text": lexicon.shipped_text(filename)})


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="WordListText",
            fields=[
                ("filename", models.CharField(max_length=60, primary_key=True, serialize=False, verbose_name="词表文件")),
                ("text", models.TextField(verbose_name="内容")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="修改时间")),
                ("updated_by", models.CharField(blank=True, max_length=150, verbose_name="修改人")),
            ],
            options={"verbose_name": "屏蔽词表", "verbose_name_plural": "屏蔽词表", "ordering": ["filename"]},
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
