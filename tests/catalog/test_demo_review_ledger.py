"""The demo catalog carries the review ledger the real flow would leave (Art. 4, annex 2)."""

from __future__ import annotations

from datetime import date

from zwgk.assessment import selectors
from zwgk.assessment.models import IndicatorCode
from zwgk.catalog.models import Entry, ReviewRecord


def test_every_demo_entry_published_through_review_has_its_approval_in_the_ledger(demo):
    published = Entry.objects.filter(status=Entry.PUBLISHED, imported=False)
    assert published.count() > 100
    approved = set(ReviewRecord.objects.filter(stage=ReviewRecord.CONTENT, decision=ReviewRecord.APPROVE)
                   .values_list("entry_id", flat=True))
    assert set(published.values_list("pk", flat=True)) <= approved
    row = ReviewRecord.objects.select_related("entry__department").first()
    assert row.reviewed_on == row.entry.published_on
    assert row.department_name == row.entry.department.name and row.reviewer_name


def test_the_demo_dashboard_flags_no_ledger_gap(demo):
    result = selectors.assess(2026, today=date(2026, 12, 2))
    assert sum(result.count(IndicatorCode.LEDGER_INCOMPLETE, d.code) for d in result.departments) == 0
    assert sum(result.count(IndicatorCode.ENTRIES_ON_TIME, d.code) for d in result.departments) > 0
