"""The public list of dishonesty records is the same for every visitor, so it lives in the static
tree (DESIGN.md "Deployment") and is rendered again when a record is published or withdrawn."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.assessment import integrity
from zwgk.publishing import pages, services

pytestmark = pytest.mark.django_db
URL = "/integrity/records/"


def test_the_list_is_a_page_of_the_static_tree(demo):
    assert URL in pages.fixed_urls()


def test_publishing_and_withdrawing_render_the_page_again(staff, settings, tmp_path,
                                                        django_capture_on_commit_callbacks):
    settings.ZWGK_SITE_DIR, settings.ZWGK_PUBLISH_ON_CHANGE = tmp_path / "site", True
    entry = integrity.do_record_dishonesty(
        actor=staff("personnel_handler"), officer="traffic_handler", source="judgment", decided_on=date(2026, 4, 2),
        authority="银川市兴庆区人民法院", document_number="（2026）宁0104民初88号", summary="拖欠货款。",
        publishable=True)
    page = settings.ZWGK_SITE_DIR / services.file_for(URL)
    with django_capture_on_commit_callbacks(execute=True):
        integrity.ACTIONS.perform(entry, "publish", actor=staff("personnel_handler"), body={"on": "2026-04-10"})
    assert "（2026）宁0104民初88号" in page.read_text(encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        integrity.ACTIONS.perform(entry, "withdraw", actor=staff("personnel_handler"), body={"reason": "再审改判"})
    assert "（2026）宁0104民初88号" not in page.read_text(encoding="utf-8")
