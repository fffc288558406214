from django.urls import path

from zwgk.interaction import portal_views

app_name = "interaction"
urlpatterns = [
    path("interaction/mailbox/", portal_views.mailbox, name="mailbox"),
    path("interaction/mailbox/receipt/", portal_views.receipt, name="receipt"),
    path("interaction/mailbox/query/", portal_views.query, name="query"),
    path("interaction/mailbox/query/rating/", portal_views.rate, name="rate"),
    path("interaction/mailbox/public/", portal_views.public_list, name="public"),
    path("interaction/mailbox/public/feed.atom", portal_views.PublicFeed(), name="feed"),
    path("interaction/mailbox/public/<str:number>/", portal_views.public_detail, name="public_detail"),
]
