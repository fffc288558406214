from django.urls import path, re_path

from zwgk.applications import views

app_name = "applications"
urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/receipt/<str:number>/", views.receipt, name="receipt"),
    path("apply/status/", views.status, name="status"),
    re_path(r"^apply/status/(?P<number>[\w-]+)/letters/(?P<letter_id>\d+)\.(?P<kind>pdf|docx)$",
            views.citizen_letter, name="letter"),
]
