"""``SiteProfile`` now lives in core (``core.0002_siteprofile_from_portal``): the portal forgets the
model in Django's state only; its table and rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0001_initial"),
        ("core", "0002_siteprofile_from_portal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SiteProfile")],
            database_operations=[],
        ),
    ]
