"""The annual figures survive the move of their model from the applications app to this one: the
migrations change only Django's picture of the models, not the table (SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("applications", "0003_annual_figures"), ("assessment", None)]
AFTER = [("applications", "0004_annual_figure_moved_to_assessment"),
         ("assessment", "0001_annual_figure_moved_from_applications")]


@pytest.mark.django_db(transaction=True)
def test_figures_and_their_content_type_survive_the_move(django_user_model, reference_data):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE[:1]).apps
    user = django_user_model.objects.create(username="figures-clerk")  # the table as it is now
    old.get_model("applications", "AnnualFigure").objects.create(year=2025, item="licensing", value=Decimal(42),
                                                                 updated_by_id=user.pk)
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="applications", model="annualfigure")[0]

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    executor.loader.build_graph()
    new = executor.loader.project_state(AFTER).apps
    figure = new.get_model("assessment", "AnnualFigure").objects.get()
    assert (figure.year, figure.item, figure.value) == (2025, "licensing", Decimal(42))
    moved = new.get_model("contenttypes", "ContentType").objects.get(pk=content_type.pk)
    assert (moved.app_label, moved.model) == ("assessment", "annualfigure")
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the latest state for the other tests
