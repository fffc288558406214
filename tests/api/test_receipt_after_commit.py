"""A public submission is acknowledged (201 with its number) only once it is committed: the receipt
is the citizen's proof of the day of receipt (Art. 30 of the regulation for applications; the
mailbox's receipt, Art. 28), so a crash of the application server right after the 201 must lose
nothing (issue 11; bench/intake.py kills gunicorn mid-load and checks the same end to end)."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.applications.conftest import person
from tests.conftest import ApiClient

MESSAGE = {"kind": "consultation", "title": "咨询户籍迁移办理材料", "body": "请问户籍迁入需要准备哪些材料？",
           "name": "孙丽", "phone": "13709518888", "public": True}


def _committed_numbers(model) -> set[str]:
    return set(model.objects.values_list("number", flat=True))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/applications", "/messages"])
def test_the_receipt_names_a_submission_already_committed(reference_data, demo, monkeypatch, path):
    from zwgk.applications.models import Application
    from zwgk.interaction.models import Message

    model = Application if path == "/applications" else Message
    seen_at_commits: list[set[str]] = []
    commit = connection.commit

    def spying_commit() -> None:
        commit()
        seen_at_commits.append(_committed_numbers(model))  # read back after the commit returned
        commit()  # end the read-only transaction the read-back opened (PostgreSQL: before autocommit is reset)

    monkeypatch.setattr(connection, "commit", spying_commit)
    body = person(description="2025年全区道路交通事故统计年报") if path == "/applications" else MESSAGE
    response = ApiClient().post(path, body)

    assert response.status_code == 201, response.content
    number = response.json()["number"]
    assert any(number in numbers for numbers in seen_at_commits), "201 sent for a submission not yet committed"
