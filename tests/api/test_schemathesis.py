"""Property-based run of the whole API against its own OpenAPI document: no input makes a 500.

The run is anonymous and then as the office head, so both the public and the staff paths are
explored; each operation gets a bounded number of generated cases.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from zwgk.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def call(case) -> None:
    """Send the case and check for a server error. A multipart body that is not an object cannot be
    encoded by the WSGI transport itself (werkzeug), so such generated cases are not sent.

    The real WSGI handler closes "old" connections around each request, and inside a test's
    transaction every connection counts as old: on PostgreSQL the test's own connection would be
    closed under it. Django's test client disconnects the same handler for the same reason (and
    connects it again after each of its own requests, so it is done here, per call)."""
    if case.media_type == "multipart/form-data" and not isinstance(case.body, dict):
        return
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        case.call_and_validate(checks=[not_a_server_error])
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


RUN = settings(
    max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
)


@pytest.fixture
def token(api_as) -> str:
    return api_as("chief").token


@schema.parametrize()
@RUN
@pytest.mark.django_db(transaction=False)
def test_anonymous_calls_never_cause_a_server_error(case, demo):
    call(case)


@schema.parametrize()
@RUN
@pytest.mark.django_db(transaction=False)
def test_staff_calls_never_cause_a_server_error(case, token):
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
    call(case)
