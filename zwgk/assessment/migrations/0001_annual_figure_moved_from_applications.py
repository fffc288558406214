"""AnnualFigure moves here from the applications app. Only Django's picture of the models changes:
the table (``applications_annualfigure``) and its rows stay where they are on every database, and
the content type is renamed so that the figures' events still point at them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="assessment", model="annualfigure").exists():
        ContentType.objects.filter(app_label="applications", model="annualfigure").update(app_label="assessment")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="applications", model="annualfigure").exists():
        ContentType.objects.filter(app_label="assessment", model="annualfigure").update(app_label="applications")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("applications", "0003_annual_figures"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AnnualFigure",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("year", models.PositiveSmallIntegerField(verbose_name="年度")),
                        ("item", models.CharField(choices=[
                            ("rules_issued", "规章：本年制发件数"), ("rules_repealed", "规章：本年废止件数"),
                            ("rules_valid", "规章：现行有效件数"), ("licensing", "行政许可：本年处理决定数量"),
                            ("penalties", "行政处罚：本年处理决定数量"), ("enforcement", "行政强制：本年处理决定数量"),
                            ("fees", "行政事业性收费：本年收费金额（单位：万元）"),
                        ], max_length=30, verbose_name="项目")),
                        ("value", models.DecimalField(decimal_places=4, max_digits=14, verbose_name="数值")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="填报时间")),
                        ("updated_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                         to=settings.AUTH_USER_MODEL, verbose_name="填报人")),
                    ],
                    options={
                        "verbose_name": "年度报告填报数",
                        "verbose_name_plural": "年度报告填报数",
                        "db_table": "applications_annualfigure",
                        "constraints": [models.UniqueConstraint(fields=("year", "item"),
                                                                name="annual_figure_once_per_year")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
