"""The portal's base layout: navigation, the seed page's furniture as data, 适老化 mode."""

from zwgk.core.models import SiteProfile


def test_home_shows_the_main_navigation_in_chinese(client, demo):
    html = client.get("/").content.decode()
    for label in ("首页", "警务公开", "服务大厅", "警民互动", "政务诚信"):
        assert f">{label}</a>" in html
    assert 'lang="zh-CN"' in html and 'name="viewport"' in html


def test_footer_carries_the_site_data(client, demo):
    client.get("/")  # the profile is now in the cache
    site = SiteProfile.objects.get()
    site.phone, site.icp_number = "0951-6136088", "宁ICP备99999999号"
    site.save()
    html = client.get("/").content.decode()
    assert "联系电话：0951-6136088" in html and "宁ICP备99999999号" in html and "网站标识码：6400000032" in html


def test_the_site_profile_is_read_once_then_from_the_cache(client, demo, django_assert_num_queries):
    from django.core.cache import cache

    from zwgk.core.models import current_site

    cache.clear()
    with django_assert_num_queries(1):
        current_site()
    with django_assert_num_queries(0):
        name = current_site().name
    assert name == SiteProfile.objects.get().name


def test_the_home_page_on_a_cache_miss_reads_the_sections_once_and_the_newest_in_one_query(
        client, demo, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(2):
        html = client.get("/?from=bench").content.decode()
    assert "信息公开目录" in html and "政府信息公开指南" in html


def test_a_new_visitor_is_counted_once_in_the_cache_not_the_database(client, demo, django_assert_num_queries):
    from django.core.cache import cache

    from zwgk.portal.visits import save_visits

    cache.clear()
    first = client.get("/visits.svg")
    assert first["Content-Type"].startswith("image/svg+xml") and first["Cache-Control"] == "no-store"
    assert "您是第 1 位访问本站的人" in first.content.decode()
    with django_assert_num_queries(0):
        assert "第 1 位" in client.get("/visits.svg").content.decode()
    assert SiteProfile.objects.get().visits == 0
    save_visits()
    assert SiteProfile.objects.get().visits == 1


def test_the_home_page_is_the_same_for_every_visitor(client, demo):
    from django.test import Client

    assert client.get("/").content == Client().get("/").content
    assert not client.get("/").cookies
    assert '<img src="/visits.svg"' in client.get("/").content.decode()


def test_care_mode_is_a_plain_link_that_sets_a_cookie(client, demo):
    response = client.get("/care/", {"on": "1", "next": "/channel/disclosure/"})
    assert response.status_code == 302 and response["Location"] == "/channel/disclosure/"
    assert 'class="care"' in client.get("/").content.decode()
    client.get("/care/", {"on": "0"})
    assert 'class="care"' not in client.get("/").content.decode()


def test_care_mode_never_redirects_off_site(client, demo):
    assert client.get("/care/", {"on": "1", "next": "https://evil.example/"})["Location"] == "/"


def test_channel_page_lists_sections_with_their_departments(client, demo):
    html = client.get("/channel/services/").content.decode()
    assert "依申请公开" in html and "当前位置" in html


def test_unknown_pages_answer_404_in_chinese(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


def test_unknown_api_paths_answer_in_the_api_error_format(client, db):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
