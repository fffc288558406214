from django.urls import path

from zwgk.workbench import admin_views, signoff_views, workbench_views

app_name = "workbench"
urlpatterns = [
    path("", workbench_views.home, name="home"),
    path("login/", workbench_views.login_view, name="login"),
    path("logout/", workbench_views.logout_view, name="logout"),
    path("password/", workbench_views.password, name="password"),
    path("otp/", workbench_views.otp_enrol, name="otp"),
    path("sign-off/", signoff_views.batch, name="sign_off"),
    path("calendar/", workbench_views.calendar, name="calendar"),
    path("departments/", workbench_views.departments, name="departments"),
    path("admin/departments/", admin_views.departments, name="admin_departments"),
    path("admin/staff/", admin_views.staff, name="admin_staff"),
    path("admin/staff/<str:username>/", admin_views.staff_change, name="admin_staff_change"),
    path("admin/sections/", admin_views.section_list, name="admin_sections"),
    path("admin/templates/", admin_views.templates, name="admin_templates"),
    path("admin/site/", admin_views.site, name="admin_site"),
    path("admin/word-lists/", admin_views.word_lists, name="admin_word_lists"),
    path("admin/word-lists/<str:filename>/", admin_views.word_list_change, name="admin_word_list_change"),
]
