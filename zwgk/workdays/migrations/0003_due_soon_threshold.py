"""The "due soon" threshold of the to-do lists and reminders, as data in each policy profile."""

from django.db import migrations

DUE_SOON = 3  # working days: what the daily reminders have always warned about


def seed(apps, schema_editor):
    """Also run by ``manage.py setup`` after the profiles' own seed (``org.reference_load``)."""
    PolicyProfile = apps.get_model("workdays", "PolicyProfile")
    for profile in PolicyProfile.objects.all():
        profile.limits = {**profile.limits, "due_soon": profile.limits.get("due_soon", DUE_SOON)}
        profile.save(update_fields=["limits"])


def remove(apps, schema_editor):
    PolicyProfile = apps.get_model("workdays", "PolicyProfile")
    for profile in PolicyProfile.objects.all():
        profile.limits = {k: v for k, v in profile.limits.items() if k != "due_soon"}
        profile.save(update_fields=["limits"])


class Migration(migrations.Migration):
    dependencies = [("workdays", "0002_seed_reference_data")]
    operations = [migrations.RunPython(seed, remove)]
