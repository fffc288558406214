"""Static publishing (DESIGN.md "Deployment"): the tree holds every page that is the same for
every visitor, byte for byte the live page, and follows publications, withdrawals and edits."""

from __future__ import annotations

from datetime import date

from zwgk.catalog.models import Category, Entry, Section
from zwgk.org.models import Staff
from zwgk.publishing import services
from zwgk.publishing.models import PublishedFile

PAGES = {
    "/": "index.html",
    "/channel/disclosure/": "channel/disclosure/index.html",
    "/catalog/": "catalog/index.html",
    "/catalog/section/news/": "catalog/section/news/index.html",
    "/catalog/section/news/feed/": "catalog/section/news/feed/index.atom",
    "/sitemap.xml": "sitemap.xml",
    "/sitemap-pages.xml": "sitemap-pages.xml",
    "/interaction/mailbox/public/": "interaction/mailbox/public/index.html",
    "/interaction/mailbox/public/feed.atom": "interaction/mailbox/public/feed.atom",
}


def _import(index_number: str, title: str, section: str = "news") -> Entry:
    from zwgk.catalog.services import do_import_entry

    return do_import_entry(actor=Staff.objects.get(username="clerk"),
                           index_number=index_number, title=title, publisher="公安厅宣传处",
                           published_on=date(2026, 9, 28), section=Section.objects.get(code=section),
                           category=Category.objects.first(), body="<p>国庆节期间全省公安机关加强社会面巡逻防控。</p>")


def test_every_static_page_is_the_live_page_byte_for_byte(published, live):
    for url, path in PAGES.items():
        assert (published / path).read_bytes() == live(url), url
    entry = Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).first()
    url = entry.get_absolute_url()
    assert (published / services.file_for(url)).read_bytes() == live(url)


def test_every_published_entry_has_a_page_and_a_fingerprint(published):
    numbers = Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).values_list(
        "index_number", flat=True)
    for number in numbers:
        path = services.file_for(f"/catalog/item/{number}/")
        assert (published / path).is_file()
        assert PublishedFile.objects.get(path=path).size == (published / path).stat().st_size


def test_per_visitor_pages_are_never_written(published):
    renderer = services.Renderer()
    assert renderer.publish("/visits.svg") is False  # sets the visitor cookie
    assert renderer.publish("/interaction/mailbox/") is False  # a form with a CSRF cookie
    assert not (published / "visits.svg").exists()
    assert not (published / "interaction/mailbox/index.html").exists()


def test_a_directory_url_that_leaves_the_tree_is_refused():
    import pytest

    with pytest.raises(ValueError):
        services.file_for("/catalog/item/../../etc/")


def test_an_import_renders_its_page_its_section_and_home_at_once(published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = _import("11640000010065393W/2026-092801", "国庆中秋假期全省治安平稳有序")
    page = published / services.file_for(entry.get_absolute_url())
    assert "国庆中秋假期全省治安平稳有序" in page.read_text()
    assert "国庆中秋假期全省治安平稳有序" in (published / "catalog/section/news/index.html").read_text()
    assert "国庆中秋假期全省治安平稳有序" in (published / "index.html").read_text()
    assert "2026-092801" in (published / "catalog/section/news/feed/index.atom").read_text()
    assert any("2026-092801" in p.read_text() for p in published.glob("sitemap-entries-*.xml"))


def test_a_withdrawn_entry_leaves_the_tree(published, staff, django_capture_on_commit_callbacks):
    from zwgk.catalog.services import do_withdraw

    with django_capture_on_commit_callbacks(execute=True):
        entry = _import("11640000010065393W/2026-100901", "关于调整出入境证件办理时间的通告")
    page = published / services.file_for(entry.get_absolute_url())
    assert page.exists()
    with django_capture_on_commit_callbacks(execute=True):
        do_withdraw(entry, actor=staff("publicity_head"), reason="内容已过时")
    assert not page.exists()
    assert not PublishedFile.objects.filter(path=services.file_for(entry.get_absolute_url())).exists()
    assert "关于调整出入境证件办理时间的通告" not in (published / "catalog/section/news/index.html").read_text()


def test_a_validity_change_rerenders_the_entry_page(published, staff, django_capture_on_commit_callbacks):
    from zwgk.catalog.services import do_set_validity

    with django_capture_on_commit_callbacks(execute=True):
        entry = _import("11640000010065393W/2026-101001", "道路交通安全管理若干规定")
    with django_capture_on_commit_callbacks(execute=True):
        do_set_validity(entry, actor=staff("publicity_head"), validity=Entry.REPEALED)
    assert "【已废止】" in (published / services.file_for(entry.get_absolute_url())).read_text()


def test_the_site_profile_and_a_section_name_rerender_what_shows_them(published, django_capture_on_commit_callbacks):
    from zwgk.core.models import SiteProfile

    with django_capture_on_commit_callbacks(execute=True):
        site = SiteProfile.objects.get()
        site.phone = "0951-6136088"
        site.save()
    assert "联系电话：0951-6136088" in (published / "index.html").read_text()
    entry = Entry.objects.filter(status=Entry.PUBLISHED, section__code="news").exclude(index_number=None).first()
    with django_capture_on_commit_callbacks(execute=True):
        section = Section.objects.get(code="news")
        section.name = "警务要闻"
        section.save()
    assert "警务要闻" in (published / "catalog/section/news/index.html").read_text()
    assert "栏目：<a" in (page := (published / services.file_for(entry.get_absolute_url())).read_text())
    assert "警务要闻" in page


def _attach(entry: Entry, name: str, redacted_of=None, order: int = 0):
    from zwgk.catalog.models import Attachment

    return Attachment.objects.create(entry=entry, file=f"attachments/{name}", name=name, content_type="application/pdf",
                                     size=2048, sha256="0" * 64, redacted_of=redacted_of, order=order)


def test_entry_pages_in_bulk_read_no_query_per_page_and_keep_the_attachment_rule(
        demo, site_dir, live, django_assert_max_num_queries):
    """The bulk renderer reads attachments prefetched per chunk (not one query per page) and still
    shows for 此件删减后公开 only the redacted versions, in order: the live page's bytes."""
    entries = list(Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).order_by("id"))
    plain, redacted = entries[0], entries[1]
    _attach(plain, "第二份.pdf", order=2)
    _attach(plain, "第一份.pdf")
    Entry.objects.filter(pk=redacted.pk).update(disclosure_attribute=Entry.REDACTED, redacted_body="<p>删减后</p>")
    _attach(redacted, "删减后.pdf", redacted_of=_attach(redacted, "原件.pdf"))
    chunk = [(e.pk, e.index_number) for e in entries]
    with django_assert_max_num_queries(6):  # the entries, their attachments, the profile, the fingerprints
        assert services._render_entry_chunks([chunk]) == len(entries)
    for entry in (plain, redacted):
        url = entry.get_absolute_url()
        assert (site_dir / services.file_for(url)).read_bytes() == live(url)
    plain_page = (site_dir / services.file_for(plain.get_absolute_url())).read_text()
    assert plain_page.index("第一份.pdf") < plain_page.index("第二份.pdf")
    redacted_page = (site_dir / services.file_for(redacted.get_absolute_url())).read_text()
    assert "删减后.pdf" in redacted_page and "原件.pdf" not in redacted_page
