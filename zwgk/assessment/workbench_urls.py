from django.urls import path, re_path

from zwgk.assessment import case_views, workbench_views

app_name = "assessment_wb"
urlpatterns = [
    path("applications/report/", workbench_views.annual_report, name="report"),
    re_path(r"^applications/report/(?P<year>\d{4})\.(?P<kind>xlsx|docx)$", workbench_views.annual_report_file,
            name="report_file"),
    path("applications/report/<int:year>/figures/", workbench_views.save_report_figures, name="report_figures"),
    path("applications/report/<int:year>/text/", workbench_views.save_report_text, name="report_text"),
    path("applications/report/<int:year>/publish/", workbench_views.publish_report, name="report_publish"),
    path("applications/report/<int:year>/correct/", workbench_views.correct_report, name="report_correct"),
    path("assessment/", workbench_views.overview, name="dashboard"),
    path("assessment/departments/<slug:code>/", workbench_views.department, name="department"),
    path("assessment/cases/", workbench_views.cases, name="cases"),
    path("assessment/dashboard.pdf", workbench_views.dashboard_pdf, name="dashboard_pdf"),
    re_path(r"^assessment/(?P<table>departments|trend|alarms)\.xlsx$", workbench_views.table_xlsx, name="table_xlsx"),
    path("assessment/accountability/", case_views.case_list, name="accountability"),
    path("assessment/accountability/<str:number>/", case_views.case_detail, name="accountability_case"),
    path("assessment/accountability/<str:number>/actions/<slug:action>/", case_views.case_action,
         name="accountability_action"),
    path("assessment/integrity/", case_views.dishonesty, name="dishonesty"),
    re_path(r"^assessment/integrity/records\.(?P<kind>csv|jsonl)$", case_views.dishonesty_export,
            name="dishonesty_export"),
    path("assessment/integrity/records/<int:pk>/<slug:action>/", case_views.dishonesty_action,
         name="dishonesty_action"),
    path("assessment/integrity/people/<str:username>/", case_views.person_file, name="person_file"),
    path("assessment/integrity/honours/", case_views.honours, name="honours"),
]
