from django.urls import path

from zwgk.catalog import workbench_views

app_name = "catalog_wb"
urlpatterns = [
    path("catalog/", workbench_views.index, name="index"),
    path("catalog/new/", workbench_views.new, name="new"),
    path("catalog/<int:pk>/", workbench_views.detail, name="detail"),
    path("catalog/<int:pk>/edit/", workbench_views.edit, name="edit"),
    path("catalog/attachment/<int:pk>/", workbench_views.attachment, name="attachment"),
    path("catalog/external-links/", workbench_views.external_link_register, name="external_links"),
    path("catalog/ledger.xlsx", workbench_views.ledger_xlsx, name="ledger_xlsx"),
    path("catalog/catalog.xlsx", workbench_views.catalog_xlsx, name="catalog_xlsx"),
]
