from django.urls import path

from zwgk.interaction import portal_views as views

app_name = "interaction"
urlpatterns = [
    path("interaction/mailbox/", views.mailbox, name="mailbox"),
    path("interaction/mailbox/receipt/", views.receipt, name="receipt"),
    path("interaction/mailbox/query/", views.query, name="query"),
    path("interaction/mailbox/public/", views.public_list, name="public"),
    path("interaction/mailbox/public/feed.atom", views.PublicFeed(), name="feed"),
    path("interaction/mailbox/public/<str:number>/", views.public_detail, name="public_detail"),
]
