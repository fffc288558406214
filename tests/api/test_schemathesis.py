"""Property-based run of the whole API against its own OpenAPI document: no input makes a 500.

The run is anonymous and then as the office head, so both the public and the staff paths are
explored; each operation gets a bounded number of generated cases.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from zwgk.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def call(case) -> None:
    """Send the case and check for a server error. A multipart body that is not an object cannot be
    encoded by the WSGI transport itself (werkzeug), so such generated cases are not sent."""
    if case.media_type == "multipart/form-data" and not isinstance(case.body, dict):
        return
    case.call_and_validate(checks=[not_a_server_error])

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
