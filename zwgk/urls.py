"""URLs: the API, the workbench and the portal; each app adds its own ``workbench_urls`` and
``portal_urls`` modules (see ``zwgk.core.discovery``)."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from zwgk.api.main import api
from zwgk.core.discovery import app_modules

urlpatterns = [
    path("api/v1/", api.urls),
    # /admin/ signs in through the workbench's login: one lock-out gate and the second factor (Art. 40).
    path("admin/login/", RedirectView.as_view(pattern_name="workbench:login", query_string=True)),
    path("admin/", admin.site.urls),
    *[path("workbench/", include(module)) for _, module in app_modules("workbench_urls")],
    *[path("", include(module)) for _, module in app_modules("portal_urls")],
]

handler404 = "zwgk.portal.views.not_found"
handler500 = "zwgk.portal.views.server_error"
