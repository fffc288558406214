from django.urls import path, re_path

from zwgk.applications import views

app_name = "applications_wb"
urlpatterns = [
    path("applications/", views.queue, name="queue"),
    path("applications/register/", views.register, name="register"),
    path("applications/<str:number>/", views.case, name="case"),
    path("applications/<str:number>/actions/<slug:action>/", views.case_action, name="action"),
    path("applications/<str:number>/preview.pdf", views.preview_letter, name="preview"),
    path("applications/<str:number>/case-file.zip", views.case_file, name="case_file"),
    path("applications/<str:number>/scans/", views.upload_scan, name="upload_scan"),
    path("applications/<str:number>/scans/<int:scan_id>/", views.scan_file, name="scan"),
    path("applications/<str:number>/contests/", views.record_contest, name="contest"),
    path("applications/<str:number>/contests/<int:contest_id>/", views.decide_contest, name="decide_contest"),
    re_path(r"^applications/(?P<number>[\w-]+)/letters/(?P<letter_id>\d+)\.(?P<kind>pdf|docx)$",
            views.staff_letter, name="letter"),
]
