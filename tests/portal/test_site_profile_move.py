"""``SiteProfile`` moved from the portal app to core (issue 8) by state-only migrations: the table
``portal_siteprofile`` and its rows stay as they were, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("core", "0001_initial"), ("portal", "0001_initial")]


def test_the_profile_keeps_its_rows_across_the_move():
    from zwgk.core.models import SiteProfile

    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old_state = executor.loader.project_state(BEFORE)
    OldProfile = old_state.apps.get_model("portal", "SiteProfile")
    OldProfile.objects.create(name="某市公安局门户网站", unified_code="11640000010065393W", visits=42)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(leaves)
    moved = SiteProfile.objects.get()
    assert (moved.name, moved.unified_code, moved.visits) == ("某市公安局门户网站", "11640000010065393W", 42)
    assert SiteProfile._meta.db_table == "portal_siteprofile"
