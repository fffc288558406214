"""``SiteProfile`` moves from the portal app to core (issue 8: rooms in the right place). Only
Django's state moves: the table keeps its name (``portal_siteprofile``) and its rows, on SQLite and
PostgreSQL alike; ``portal.0002_siteprofile_to_core`` removes the model from the portal's state."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SiteProfile",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(default="公安厅门户网站", max_length=100, verbose_name="网站名称")),
                        ("department_name", models.CharField(default="公安厅", max_length=100, verbose_name="机关名称")),
                        ("sponsor", models.CharField(default="公安厅", max_length=100, verbose_name="主办")),
                        ("phone", models.CharField(blank=True, max_length=40, verbose_name="联系电话")),
                        ("fax", models.CharField(blank=True, max_length=40, verbose_name="传真")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="电子邮箱")),
                        ("address", models.CharField(blank=True, max_length=200, verbose_name="办公地址")),
                        ("office_hours", models.CharField(blank=True, max_length=100, verbose_name="办公时间")),
                        ("postcode", models.CharField(blank=True, max_length=10, verbose_name="邮政编码")),
                        ("site_code", models.CharField(blank=True, max_length=20, verbose_name="网站标识码")),
                        ("icp_number", models.CharField(blank=True, max_length=40, verbose_name="ICP备案号")),
                        ("police_record", models.CharField(blank=True, max_length=60, verbose_name="公网安备号")),
                        ("unified_code", models.CharField(blank=True, help_text="索引号前缀", max_length=18,
                                                          verbose_name="统一社会信用代码")),
                        ("copyright_since", models.PositiveSmallIntegerField(default=2011, verbose_name="版权起始年")),
                        ("visits", models.PositiveBigIntegerField(default=0, verbose_name="访问人数")),
                    ],
                    options={
                        "verbose_name": "网站信息",
                        "verbose_name_plural": "网站信息",
                        "db_table": "portal_siteprofile",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
