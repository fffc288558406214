"""The e-mail texts said "{site}门户网站" while the site's name already ends in 门户网站 (its
default and the demo's), so every e-mail read "…公安厅门户网站门户网站". The name stands alone."""

from django.db import migrations


def name_once(apps, schema_editor):
    NotificationText = apps.get_model("events", "NotificationText")
    for text in NotificationText.objects.filter(email_body__contains="{site}门户网站"):
        text.email_body = text.email_body.replace("{site}门户网站", "{site}")
        text.save(update_fields=["email_body"])


class Migration(migrations.Migration):
    dependencies = [("events", "0003_notifications")]
    operations = [migrations.RunPython(name_once, migrations.RunPython.noop)]
