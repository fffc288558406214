"""The seed document is in the catalog, browsable and findable exactly as its own page shows it."""

from __future__ import annotations

import html
import re

import pytest

from tests.catalog.conftest import SEED_NUMBER
from zwgk.catalog.demo import seed_document_lines

pytestmark = pytest.mark.django_db
URL = f"/catalog/item/{SEED_NUMBER}/"


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_the_page_carries_the_seed_pages_metadata_block(client, demo):
    text = text_of(client.get(URL).content.decode())
    assert "当前位置： 网站首页 >> 警务公开 >> 信息公开目录 >> 正文" in text
    assert f"索 引 号 {SEED_NUMBER} 公开方式 主动公开" in text
    assert "信息名称 宁夏公安厅政务公开工作实施办法" in text
    assert "公开日期 2018-09-11" in text
    assert "发布机构 公安厅办公室" in text
    assert "关闭窗口" in text and "打印本页" in text


def test_the_page_holds_the_whole_document(client, demo):
    text = text_of(client.get(URL).content.decode())
    lines = seed_document_lines()
    assert lines[0] == "宁夏公安厅政务公开工作实施办法" and lines[-1] == "第四十五条 本办法自发布之日起实施。"
    for line in lines:
        assert line in text


def test_print_view_has_the_metadata_and_body_without_navigation(client, demo):
    page = client.get(URL, {"print": "1"}).content.decode()
    assert "主导航" not in page
    assert SEED_NUMBER in page and "第四十五条" in page


def test_the_seed_is_found_by_its_words_and_its_title_phrase(api, demo):
    for q in ("政务公开 实施办法", '"宁夏公安厅政务公开工作实施办法"', "保密审查", "依申请公开"):
        found = [i["index_number"] for i in api.get("/catalog", {"q": q, "year": 2018}).json()["results"]]
        assert SEED_NUMBER in found, q


def test_the_seed_is_browsable_by_section_category_publisher_and_year(client, demo):
    for params in ({"year": 2018}, {"category": "laws"}, {"publisher": "公安厅办公室", "year": 2018}):
        assert SEED_NUMBER in client.get("/catalog/", params).content.decode(), params
    assert SEED_NUMBER in client.get("/catalog/section/regulations/", {"year": 2018}).content.decode()


def test_search_page_highlights_the_seed_title(client, demo):
    page = client.get("/catalog/", {"q": "政务公开", "year": 2018, "section": "regulations"}).content.decode()
    assert "宁夏公安厅<mark>政务公开</mark>工作实施办法" in page


def test_home_page_shows_newest_entries_and_the_service_links(client, demo):
    page = client.get("/").content.decode()
    for label in (
        "公安要闻",
        "公示公告",
        "通知公告",
        "政府信息公开指南",
        'href="/apply/"',
        'href="/interaction/mailbox/"',
    ):
        assert label in page
    assert client.get("/guide/").status_code == 302


def test_section_links_lead_to_the_section_list(client, demo):
    from zwgk.catalog.models import Section

    news = Section.objects.get(code="news")
    assert news.get_absolute_url() == "/catalog/section/news/"
    assert "公安要闻" in client.get(news.get_absolute_url()).content.decode()
    assert 'href="/apply/"' in client.get("/catalog/section/apply/").content.decode()
    assert Section.objects.get(code="mailbox").get_absolute_url() == "/interaction/mailbox/"


def test_a_repost_shows_its_source_time_and_link(client, demo):
    from zwgk.catalog.models import Entry

    entry = Entry.objects.filter(status="published").exclude(repost_source="").first()
    text = text_of(client.get(entry.get_absolute_url()).content.decode())
    assert "转载来源网站：公安部网站" in text and "转载链接： https://www.mps.gov.cn/" in text
    assert "转载时间：" in text


def test_the_live_entry_page_reads_only_what_it_shows(client, demo, django_assert_num_queries):
    """The entry (only the fields the page shows: ``selectors.PAGE_FIELDS``; a field missing there
    would cost a query more) with whether it has attachments, in one query; the attachments only
    when it has some; the site profile once, then from the cache."""
    from zwgk.catalog.models import Attachment, Entry

    entry = Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).filter(attachments=None).first()
    with django_assert_num_queries(2):  # the entry, the site profile
        assert client.get(entry.get_absolute_url()).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(entry.get_absolute_url()).status_code == 200
    Attachment.objects.create(entry=entry, file="attachments/通知.pdf", name="通知.pdf", content_type="application/pdf",
                              size=1024, sha256="0" * 64)
    with django_assert_num_queries(2):
        assert "通知.pdf" in client.get(entry.get_absolute_url()).content.decode()


def test_the_newest_entries_of_each_section_are_its_own_newest_first_and_no_more(demo):
    """``selectors.newest``: one statement for several sections, each its own limit, the same
    entries in the same order as one ORM query per section; a section without entries is empty."""
    from zwgk.catalog import selectors
    from zwgk.catalog.models import Entry, Section

    sections = {s.code: s for s in Section.objects.all()}
    limits = {sections["news"].pk: 3, sections["notices"].pk: 8, sections["guide"].pk: 1}
    empty = Section.objects.exclude(pk__in=Entry.objects.values("section_id")).first()
    if empty:
        limits[empty.pk] = 5
    found = selectors.newest(limits)
    for pk, limit in limits.items():
        expected = list(Entry.objects.filter(section_id=pk, status=Entry.PUBLISHED)
                        .order_by("-published_on", "-id").values_list("pk", flat=True)[:limit])
        assert [e.pk for e in found[pk]] == expected
    assert len(found[sections["news"].pk]) == 3 and len(found[sections["guide"].pk]) == 1
    if empty:
        assert found[empty.pk] == []
    assert selectors.newest({}) == {}
