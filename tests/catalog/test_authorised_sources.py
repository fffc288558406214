"""Central documents (中央文件、国务院文件) are reposted only from the authorised sources kept as data:
人民日报, 新华社, 中国政府网 and the issuing body's own site (Art. 39)."""

from __future__ import annotations

import pytest

from zwgk.catalog.models import AuthorisedSource, Entry

pytestmark = pytest.mark.django_db

CENTRAL = {"title": "国务院办公厅关于进一步优化政务服务的意见", "central_document": True,
           "repost_source": "中国政府网"}


def act(client, entry_id, action, body=None):
    return client.post(f"/catalog/drafts/{entry_id}/actions/{action}", body or {})


@pytest.mark.parametrize("url", [
    "https://www.gov.cn/zhengce/content/202601/content_1.htm",
    "http://www.news.cn/politics/2026-01/05/c_1.htm",
    "https://paper.people.com.cn/rmrb/html/2026-01/05/nw.D110000renmrb.htm",
    "https://www.mps.gov.cn/n2254314/n6409334/c1.html",
])
def test_a_central_document_from_an_authorised_source_is_accepted(draft, url):
    assert draft(**CENTRAL, repost_url=url)["status"] == "draft"


@pytest.mark.parametrize("url", ["https://www.sohu.com/a/1", "https://news.example.com/gov.cn/1",
                                 "https://gov.cn.example.com/1", "https://www.nx.gov.cn/zwgk/1"])
def test_a_central_document_from_any_other_site_is_refused(handler, url):
    before = Entry.objects.count()
    response = handler.post("/catalog/drafts", {
        "section": "news", "category": "campaigns", "disclosure_attribute": "public", "body": "<p>全文</p>",
        **CENTRAL, "repost_url": url})
    assert response.status_code == 422
    error = response.json()["error"]
    assert "repost_url" in error["fields"] and "第三十九条" in error["message"] and "新华社" in error["message"]
    assert Entry.objects.count() == before


def test_a_central_document_must_name_its_source(handler):
    response = handler.post("/catalog/drafts", {
        "section": "news", "category": "campaigns", "disclosure_attribute": "public", "title": "中央文件",
        "central_document": True})
    assert response.status_code == 422 and "repost_url" in response.json()["error"]["fields"]


def test_the_sources_are_data_and_checked_again_at_publication(draft, handler, head):
    entry = draft(**CENTRAL, repost_url="https://www.gov.cn/zhengce/content/1.htm")
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": ""})
    AuthorisedSource.objects.filter(host="www.gov.cn").update(active=False)
    response = act(handler, entry["id"], "publish")
    assert response.status_code == 409 and response.json()["error"]["code"] == "unauthorised_source"
    AuthorisedSource.objects.filter(host="www.gov.cn").update(active=True)
    assert act(handler, entry["id"], "publish").json()["status"] == "published"


def test_an_ordinary_repost_from_an_unapproved_site_waits_for_link_approval(draft, handler, head):
    entry = draft(repost_source="某商业网站", repost_url="https://www.sohu.com/a/1")
    act(handler, entry["id"], "submit")
    act(head, entry["id"], "review", {"decision": "approve", "opinion": ""})
    response = act(handler, entry["id"], "publish")
    assert response.status_code == 409 and "www.sohu.com" in response.json()["error"]["message"]
