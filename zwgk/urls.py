from django.contrib import admin
from django.urls import include, path

from zwgk.api.main import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("workbench/", include("zwgk.workbench.urls")),
    path("admin/", admin.site.urls),
    path("", include("zwgk.portal.urls")),
]

handler404 = "zwgk.portal.views.not_found"
handler500 = "zwgk.portal.views.server_error"
