from django.urls import path

from zwgk.workbench import views

app_name = "workbench"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("password/", views.password, name="password"),
    path("otp/", views.otp_enrol, name="otp"),
    path("calendar/", views.calendar, name="calendar"),
    path("departments/", views.departments, name="departments"),
]
