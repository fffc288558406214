from django.urls import path, re_path

from zwgk.assessment import case_views, views

app_name = "assessment_wb"
urlpatterns = [
    path("applications/report/", views.annual_report, name="report"),
    re_path(r"^applications/report/(?P<year>\d{4})\.(?P<kind>xlsx|docx)$", views.annual_report_file,
            name="report_file"),
    path("applications/report/<int:year>/figures/", views.save_report_figures, name="report_figures"),
    path("applications/report/<int:year>/text/", views.save_report_text, name="report_text"),
    path("applications/report/<int:year>/publish/", views.publish_report, name="report_publish"),
    path("assessment/", views.overview, name="dashboard"),
    path("assessment/departments/<slug:code>/", views.department, name="department"),
    path("assessment/cases/", views.cases, name="cases"),
    re_path(r"^assessment/(?P<table>departments|trend|alarms)\.xlsx$", views.table_xlsx, name="table_xlsx"),
    path("assessment/accountability/", case_views.case_list, name="accountability"),
    path("assessment/accountability/<str:number>/", case_views.case_detail, name="accountability_case"),
    path("assessment/accountability/<str:number>/actions/<slug:action>/", case_views.case_action,
         name="accountability_action"),
    path("assessment/integrity/", case_views.dishonesty, name="dishonesty"),
    re_path(r"^assessment/integrity/records\.(?P<kind>csv|jsonl)$", case_views.dishonesty_export,
            name="dishonesty_export"),
]
