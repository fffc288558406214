"""Joins the move of the annual figures to assessment with the letters' document numbers."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0004_annual_figure_moved_to_assessment'),
        ('applications', '0006_letter_document_numbers'),
    ]

    operations = [
    ]
