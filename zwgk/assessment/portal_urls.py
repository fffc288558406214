from django.urls import path

from zwgk.assessment import portal_views

app_name = "assessment"
urlpatterns = [
    path("integrity/records/", portal_views.dishonesty_records, name="dishonesty_records"),
]
