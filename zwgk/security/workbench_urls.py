from django.urls import path

from zwgk.security import workbench_views

app_name = "security"
urlpatterns = [
    path("audit/", workbench_views.audit_log, name="audit"),
    path("audit/export.csv", workbench_views.audit_export, name="audit_export"),
]
