from django.urls import path, re_path

from zwgk.applications import portal_views

app_name = "applications"
urlpatterns = [
    path("apply/", portal_views.apply, name="apply"),
    path("apply/receipt/<str:number>/", portal_views.receipt, name="receipt"),
    path("apply/status/", portal_views.status, name="status"),
    path("apply/status/<str:number>/supplement/", portal_views.supplement, name="supplement"),
    path("apply/status/<str:number>/attachments/<int:attachment_id>/", portal_views.citizen_attachment,
         name="attachment"),
    re_path(r"^apply/status/(?P<number>[\w-]+)/letters/(?P<letter_id>\d+)\.(?P<kind>pdf|docx)$",
            portal_views.citizen_letter, name="letter"),
]
