from django.urls import path, re_path

from zwgk.assessment import views

app_name = "assessment_wb"
urlpatterns = [
    path("applications/report/", views.annual_report, name="report"),
    re_path(r"^applications/report/(?P<year>\d{4})\.(?P<kind>xlsx|docx)$", views.annual_report_file,
            name="report_file"),
    path("applications/report/<int:year>/figures/", views.save_report_figures, name="report_figures"),
    path("assessment/", views.overview, name="dashboard"),
    path("assessment/departments/<slug:code>/", views.department, name="department"),
    path("assessment/cases/", views.cases, name="cases"),
    re_path(r"^assessment/(?P<table>departments|trend|alarms)\.xlsx$", views.table_xlsx, name="table_xlsx"),
]
