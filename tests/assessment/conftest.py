"""The applications' helpers (register a case, act on it) serve the report and assessment tests."""

import pytest

from tests.applications.conftest import act, register, signed_off  # noqa: F401  (fixtures)


@pytest.fixture
def publish_report(staff):
    """Put a year's report through the normal publishing review: the office head submits it, the
    office's department head approves and publishes the catalog entry. Returns the entry."""
    from zwgk.assessment import services
    from zwgk.assessment.models import AnnualReport
    def do(year: int = 2026, *, on: str = "2027-01-20"):
        report = AnnualReport.objects.get(year=year)
        services.REPORT_ACTIONS.perform(report, "publish", actor=staff("chief"), body={"on": on})
        report.refresh_from_db()
        return review_and_publish(report.entry, staff)

    return do


def review_and_publish(entry, staff):
    from zwgk.catalog import services as catalog

    head = staff("office_head")
    catalog.ACTIONS.perform(entry, "review", actor=head, body={"decision": "approve"})
    catalog.ACTIONS.perform(entry, "publish", actor=head, body={})
    entry.refresh_from_db()
    return entry
