"""Chinese search: two-character words, phrases, highlighting, filters, the title fallback."""

from __future__ import annotations

import pytest

from tests.catalog.conftest import SEED_NUMBER
from zwgk.catalog import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(draft, handler, head):
    def make(title: str, body: str, **fields) -> str:
        entry = draft(title=title, body=body, **fields)
        handler.post(f"/catalog/drafts/{entry['id']}/actions/submit", {})
        head.post(f"/catalog/drafts/{entry['id']}/actions/review", {"decision": "approve", "opinion": "同意"})
        return handler.post(f"/catalog/drafts/{entry['id']}/actions/publish", {}).json()["index_number"]

    return make


def numbers(api, **params) -> list[str]:
    return [i["index_number"] for i in api.get("/catalog", params).json()["results"]]


def test_two_character_words_are_found(api, published):
    number = published("户籍窗口延时服务的公告", "<p>为方便群众，户籍窗口周末延时服务。</p>")
    assert number in numbers(api, q="户籍")
    assert SEED_NUMBER in numbers(api, q="公安 政务", section="regulations")


def test_every_word_of_a_query_is_required(api, published):
    both = published("户籍业务办理须知", "<p>公安机关户籍业务。</p>")
    one = published("户籍窗口介绍", "<p>窗口介绍。</p>")
    found = numbers(api, q="户籍 业务")
    assert both in found and one not in found


def test_body_words_are_found(api, published):
    number = published("便民措施", "<p>开通摩托车驾驶证考试预约夜间服务。</p>")
    assert number in numbers(api, q="摩托车")


def test_phrases_must_appear_verbatim(api, published):
    exact = published("关于户籍迁移的说明", "<p>办理户籍迁移手续需携带户口簿。</p>")
    apart = published("迁移与户籍", "<p>迁移登记另行通知，户籍信息保持不变。</p>")
    found = numbers(api, q='"户籍迁移"')
    assert exact in found and apart not in found
    found = numbers(api, q="“户籍迁移”")
    assert exact in found and apart not in found


def test_title_matches_rank_above_body_matches(api, published):
    in_body = published("工作动态", "<p>本月开展了反诈宣传，反诈知识进社区。</p>")
    in_title = published("反诈宣传进校园", "<p>活动情况。</p>")
    found = numbers(api, q="反诈")
    assert found.index(in_title) < found.index(in_body)


def test_search_filters_combine(api, published):
    number = published("户籍专项公告", "<p>户籍专项。</p>")
    assert number in numbers(api, q="户籍专项", section="news", year=2026)
    assert number not in numbers(api, q="户籍专项", section="traffic")
    assert number not in numbers(api, q="户籍专项", year=2019)
    assert number not in numbers(api, q="户籍专项", category="wanted")


def test_matched_words_are_highlighted_on_the_results_page(client, published):
    published("户籍窗口延时服务的公告", "<p>为方便群众，户籍窗口周末延时服务。</p>")
    page = client.get("/catalog/", {"q": "户籍"}).content.decode()
    assert "<mark>户籍</mark>窗口延时服务的公告" in page


def test_highlight_escapes_text():
    assert search.highlight("<b>公安</b>", ["公安"]) == "&lt;b&gt;<mark>公安</mark>&lt;/b&gt;"


def test_query_parsing_keeps_phrases_and_words():
    query = search.parse_query('户籍 "居民身份证" 公安厅')
    assert [(t.text, t.phrase) for t in query.terms] == [("居民身份证", True), ("户籍", False), ("公安厅", False)]


def test_what_segmentation_misses_is_found_by_title(api, published):
    number = published("宁夏公安厅关于规范警务辅助人员管理的通知", "<p>通知内容。</p>")
    # 警 alone is never a token of 警务: the term must then appear verbatim, and does
    assert number in numbers(api, q="规范警")
    assert numbers(api, q="规范警")[:1] == [number]


def test_empty_query_browses(api, demo):
    body = api.get("/catalog", {"q": ""}).json()
    assert body["count"] >= 300
