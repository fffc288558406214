"""The demo data copied back by tests/support/snapshot.py is the demo data as loaded, row for row
(the full-text index of SQLite, a table of no model, included)."""

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.support import snapshot


@pytest.mark.django_db
def test_the_copied_back_demo_data_is_the_demo_data_as_loaded():
    before = snapshot.all_rows()
    point = transaction.savepoint()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    loaded = snapshot.all_rows()
    transaction.savepoint_rollback(point)
    assert snapshot.all_rows() == before

    snapshot.Recording.between(before, loaded).restore()
    assert snapshot.all_rows() == loaded
