from django.urls import path, re_path

from zwgk.applications import workbench_views

app_name = "applications_wb"
urlpatterns = [
    path("applications/", workbench_views.queue, name="queue"),
    path("applications/register/", workbench_views.register, name="register"),
    path("applications/search/", workbench_views.case_list, name="list"),
    path("applications/search.xlsx", workbench_views.case_list_xlsx, name="list_xlsx"),
    path("applications/<str:number>/", workbench_views.case, name="case"),
    path("applications/<str:number>/actions/<slug:action>/", workbench_views.case_action, name="action"),
    path("applications/<str:number>/preview.pdf", workbench_views.preview_letter, name="preview"),
    path("applications/<str:number>/case-file.zip", workbench_views.case_file, name="case_file"),
    path("applications/<str:number>/scans/", workbench_views.upload_scan, name="upload_scan"),
    path("applications/<str:number>/scans/<int:scan_id>/", workbench_views.scan_file, name="scan"),
    path("applications/<str:number>/attachments/", workbench_views.upload_attachment, name="upload_attachment"),
    path("applications/<str:number>/attachments/<int:attachment_id>/", workbench_views.attachment_file,
         name="attachment"),
    path("applications/<str:number>/attachments/<int:attachment_id>/remove/", workbench_views.remove_attachment,
         name="remove_attachment"),
    path("applications/<str:number>/supplements/<int:file_id>/", workbench_views.supplement_file,
         name="supplement_file"),
    path("applications/<str:number>/contests/", workbench_views.record_contest, name="contest"),
    path("applications/<str:number>/contests/<int:contest_id>/", workbench_views.decide_contest, name="decide_contest"),
    re_path(r"^applications/(?P<number>[\w-]+)/letters/(?P<letter_id>\d+)\.(?P<kind>pdf|docx)$",
            workbench_views.staff_letter, name="letter"),
]
