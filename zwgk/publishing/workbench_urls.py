from django.urls import path

from zwgk.publishing import workbench_views as views

app_name = "publishing_wb"
urlpatterns = [
    path("publishing/alerts/", views.alerts, name="alerts"),
    path("publishing/alerts/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("publishing/links/", views.broken_links, name="links"),
]
