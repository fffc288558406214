from django.urls import path, re_path

from zwgk.applications import portal_views

app_name = "applications"
urlpatterns = [
    path("apply/", portal_views.apply, name="apply"),
    path("apply/receipt/<str:number>/", portal_views.receipt, name="receipt"),
    path("apply/status/", portal_views.status, name="status"),
    re_path(r"^apply/status/(?P<number>[\w-]+)/letters/(?P<letter_id>\d+)\.(?P<kind>pdf|docx)$",
            portal_views.citizen_letter, name="letter"),
]
