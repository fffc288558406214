from django.urls import path

from zwgk.portal import portal_views

app_name = "portal"
urlpatterns = [
    path("", portal_views.home, name="home"),
    path("care/", portal_views.care_mode, name="care"),
    path("visits.svg", portal_views.visits, name="visits"),
    path("channel/<slug:code>/", portal_views.channel, name="channel"),
]
