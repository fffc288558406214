from django.urls import path

from zwgk.catalog import workbench_views as views

app_name = "catalog_wb"
urlpatterns = [
    path("catalog/", views.index, name="index"),
    path("catalog/new/", views.new, name="new"),
    path("catalog/<int:pk>/", views.detail, name="detail"),
    path("catalog/<int:pk>/edit/", views.edit, name="edit"),
    path("catalog/attachment/<int:pk>/", views.attachment, name="attachment"),
    path("catalog/ledger.xlsx", views.ledger_xlsx, name="ledger_xlsx"),
    path("catalog/catalog.xlsx", views.catalog_xlsx, name="catalog_xlsx"),
]
