from django.urls import path

from zwgk.catalog import portal_views

app_name = "catalog"
urlpatterns = [
    path("catalog/", portal_views.index, name="index"),
    path("catalog/section/<slug:code>/", portal_views.section_list, name="section"),
    path("catalog/section/<slug:code>/feed/", portal_views.SectionFeed(), name="feed"),
    path("catalog/item/<path:index_number>/", portal_views.item, name="item"),
    path("catalog/attachment/<int:pk>/", portal_views.attachment, name="attachment"),
    path("catalog/export.json", portal_views.export_json, name="export_json"),
    path("catalog/export.csv", portal_views.export_csv, name="export_csv"),
    path("guide/", portal_views.guide, name="guide"),
    path("sitemap.xml", portal_views.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", portal_views.sitemap_pages, name="sitemap_pages"),
    path("sitemap-entries-<int:start>.xml", portal_views.sitemap_page, name="sitemap_page"),
]
