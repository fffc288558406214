from django.urls import path

from zwgk.workdays import portal_views

app_name = "workdays"
urlpatterns = [path("workdays/explain/", portal_views.explain, name="explain")]
