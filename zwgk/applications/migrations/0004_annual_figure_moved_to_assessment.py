"""AnnualFigure now belongs to the assessment app (its migration 0001 takes over the same table):
only Django's picture of this app forgets the model; the table and its rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_annual_figures"),
        ("assessment", "0001_annual_figure_moved_from_applications"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AnnualFigure")],
            database_operations=[],
        ),
    ]
