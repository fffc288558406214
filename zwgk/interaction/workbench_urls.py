from django.urls import path

from zwgk.interaction import views

app_name = "interaction_wb"
urlpatterns = [
    path("messages/", views.queue, name="queue"),
    path("messages/import/", views.import_csv, name="import"),
    path("messages/register/", views.register, name="register"),
    path("messages/word-lists/", views.word_lists, name="word_lists"),
    path("messages/<str:number>/", views.detail, name="detail"),
]
