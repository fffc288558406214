"""The page furniture (header, navigation, footer) is rendered once per key and reused (issue 11):
what it shows still follows the site profile, the section names, the page and the visitor's
适老化 mode on the very next render, live or static."""

from __future__ import annotations

import pytest
from django.template import Context, Engine, TemplateSyntaxError

from zwgk.catalog.models import Entry, Section
from zwgk.core.models import SiteProfile, frozen_site


def _entry_url() -> str:
    entry = Entry.objects.filter(status=Entry.PUBLISHED, section__code="news").exclude(index_number=None).first()
    return entry.get_absolute_url()


def test_a_site_profile_change_shows_on_the_next_live_page(client, demo):
    url = _entry_url()
    before = client.get(url).content.decode()
    assert "欢迎您来到" in before and "联系电话：0951-1111111" not in before
    site = SiteProfile.objects.get()
    site.name, site.department_name, site.phone = "新网站名称", "新机关名称", "0951-1111111"
    site.save()
    after = client.get(url).content.decode()
    assert "欢迎您来到新网站名称！" in after and ">新机关名称</a></h1>" in after
    assert "联系电话：0951-1111111" in after and "新网站名称 版权所有" in after
    assert "新网站名称" in client.get("/").content.decode()


def test_a_renamed_section_shows_on_the_next_entry_page(client, demo):
    url = _entry_url()
    assert "警务要闻" not in client.get(url).content.decode()
    Section.objects.filter(code="news").update(name="警务要闻")
    assert "警务要闻" in client.get(url).content.decode()
    listing = client.get("/catalog/section/news/").content.decode()  # its breadcrumb, a shared fragment
    assert '<span aria-current="page">警务要闻</span></nav>' in listing


def test_remembered_urls_follow_the_script_prefix():
    from django.urls import set_script_prefix

    from zwgk.core.reversing import cached_reverse

    assert cached_reverse("catalog:section", "news") == "/catalog/section/news/"
    set_script_prefix("/zwgk/")
    try:
        assert cached_reverse("catalog:section", "news") == "/zwgk/catalog/section/news/"
    finally:
        set_script_prefix("/")
    assert cached_reverse("catalog:section", "news") == "/catalog/section/news/"


def test_the_shared_furniture_still_follows_the_page_and_the_care_mode(client, demo):
    url = _entry_url()
    home, entry = client.get("/").content.decode(), client.get(url).content.decode()
    assert '<a href="/" aria-current="page">首页</a>' in home
    assert 'aria-current="page">警务公开</a>' in entry and 'aria-current="page">首页</a>' not in entry
    assert f'next={url}">' in entry and 'next=/">' in home  # each page's own return address
    assert 'class="care"' not in entry and "关怀模式（大字体）" in entry
    client.cookies["care"] = "1"
    cared = client.get(url).content.decode()
    assert '<body class="care">' in cared and "?on=0&amp;next=" in cared and "退出关怀模式" in cared


def test_the_next_frozen_run_renders_the_profile_saved_after_the_previous_one(demo, rf):
    from django.template.loader import render_to_string

    request = rf.get("/")
    with frozen_site() as site:
        assert f"欢迎您来到{site.name}！" in render_to_string("portal/base.html", {"site": site}, request)
    SiteProfile.objects.update(name="冻结之后")
    with frozen_site() as site:
        assert "欢迎您来到冻结之后！" in render_to_string("portal/base.html", {"site": site}, request)


@pytest.mark.parametrize("source", [
    "{% load furniture %}{% furniture site %}{{ request.path }}{% endfurniture %}",
    "{% load furniture %}{% furniture %}{% if nav == 'home' %}x{% endif %}{% endfurniture %}",
    "{% load furniture %}{% furniture site %}{{ site.name|default:page }}{% endfurniture %}",
    "{% load furniture %}{% furniture site %}{% include 'portal/breadcrumb.html' %}{% endfurniture %}",
    "{% load furniture %}{% furniture site %}{% block x %}{% endblock %}{% endfurniture %}",
])
def test_a_fragment_that_reads_what_its_key_does_not_hold_is_refused(source):
    with pytest.raises(TemplateSyntaxError):
        Engine(libraries={"furniture": "zwgk.portal.templatetags.furniture"}).from_string(source)


class _Counted:
    """Equal to every other one: renders as how many times it was rendered."""

    renders = 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Counted)

    def __hash__(self) -> int:
        return 0

    def __str__(self) -> str:
        _Counted.renders += 1
        return str(_Counted.renders)


def test_a_fragment_is_rendered_once_per_key():
    engine = Engine(libraries={"furniture": "zwgk.portal.templatetags.furniture"})
    page = engine.from_string("{% load furniture %}{% furniture a c %}{{ a }}{{ c }}{% endfurniture %}|{{ a }}")
    assert page.render(Context({"a": "一", "c": _Counted()})) == "一1|一"
    assert page.render(Context({"a": "一", "c": _Counted()})) == "一1|一"  # reused
    assert page.render(Context({"a": "二", "c": _Counted()})) == "二2|二"  # a new key: rendered
    loop = engine.from_string("{% load furniture %}{% furniture items %}{% for x in items %}{{ x }}"
                              "{{ forloop.counter }}{% endfor %}{% endfurniture %}")  # loop variables are its own
    assert loop.render(Context({"items": ["甲", "乙"]})) == "甲1乙2"
    assert loop.render(Context({"items": ["甲"]})) == "甲1"
