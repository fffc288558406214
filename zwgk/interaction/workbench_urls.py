from django.urls import path

from zwgk.interaction import workbench_views

app_name = "interaction_wb"
urlpatterns = [
    path("messages/", workbench_views.queue, name="queue"),
    path("messages/search/", workbench_views.case_list, name="list"),
    path("messages/search.xlsx", workbench_views.case_list_xlsx, name="list_xlsx"),
    path("messages/import/", workbench_views.import_csv, name="import"),
    path("messages/register/", workbench_views.register, name="register"),
    path("messages/word-lists/", workbench_views.word_lists, name="word_lists"),
    path("messages/<str:number>/", workbench_views.detail, name="detail"),
]
