from django.urls import path

from zwgk.workbench import admin_views, views

app_name = "workbench"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("password/", views.password, name="password"),
    path("otp/", views.otp_enrol, name="otp"),
    path("calendar/", views.calendar, name="calendar"),
    path("departments/", views.departments, name="departments"),
    path("admin/departments/", admin_views.departments, name="admin_departments"),
    path("admin/staff/", admin_views.staff, name="admin_staff"),
    path("admin/staff/<str:username>/", admin_views.staff_change, name="admin_staff_change"),
    path("admin/sections/", admin_views.section_list, name="admin_sections"),
    path("admin/templates/", admin_views.templates, name="admin_templates"),
    path("admin/site/", admin_views.site, name="admin_site"),
]
