from django.urls import path

from zwgk.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("care/", views.care_mode, name="care"),
    path("visits.svg", views.visits, name="visits"),
    path("channel/<slug:code>/", views.channel, name="channel"),
]
