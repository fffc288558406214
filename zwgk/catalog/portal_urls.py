from django.urls import path

from zwgk.catalog import views

app_name = "catalog"
urlpatterns = [
    path("catalog/", views.index, name="index"),
    path("catalog/section/<slug:code>/", views.section_list, name="section"),
    path("catalog/section/<slug:code>/feed/", views.SectionFeed(), name="feed"),
    path("catalog/item/<path:index_number>/", views.item, name="item"),
    path("catalog/attachment/<int:pk>/", views.attachment, name="attachment"),
    path("catalog/export.json", views.export_json, name="export_json"),
    path("catalog/export.csv", views.export_csv, name="export_csv"),
    path("guide/", views.guide, name="guide"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", views.sitemap_pages, name="sitemap_pages"),
    path("sitemap-entries-<int:start>.xml", views.sitemap_page, name="sitemap_page"),
]
