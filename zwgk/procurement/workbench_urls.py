from django.urls import path

from zwgk.procurement import workbench_views

app_name = "procurement_wb"
urlpatterns = [
    path("procurement/", workbench_views.projects, name="projects"),
    path("procurement/credit/", workbench_views.credit_records, name="credit"),
    path("procurement/<str:number>/", workbench_views.project, name="project"),
    path("procurement/<str:number>/actions/<slug:action>/", workbench_views.project_action, name="project_action"),
]
