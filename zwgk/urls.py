"""URLs: the API, the workbench (工作台, staff) and the portal (门户网站, the public). Each app keeps
its staff pages in ``workbench_urls``/``workbench_views`` and its public pages in
``portal_urls``/``portal_views``; the API routers are gathered in ``zwgk.api.main``.

Order matters where paths overlap: the annual report's ``/workbench/applications/report/`` comes
before the application case pages' ``/workbench/applications/<number>/``."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from zwgk.api.main import api

WORKBENCH = [
    "zwgk.catalog.workbench_urls",
    "zwgk.assessment.workbench_urls",
    "zwgk.applications.workbench_urls",
    "zwgk.interaction.workbench_urls",
    "zwgk.publishing.workbench_urls",
    "zwgk.workbench.workbench_urls",
    "zwgk.security.workbench_urls",
    "zwgk.procurement.workbench_urls",
]
PORTAL = [
    "zwgk.workdays.portal_urls",
    "zwgk.catalog.portal_urls",
    "zwgk.applications.portal_urls",
    "zwgk.interaction.portal_urls",
    "zwgk.assessment.portal_urls",
    "zwgk.portal.portal_urls",
]

urlpatterns = [
    path("api/v1/", api.urls),
    # /admin/ signs in through the workbench's login: one lock-out gate and the second factor (Art. 40).
    path("admin/login/", RedirectView.as_view(pattern_name="workbench:login", query_string=True)),
    path("admin/", admin.site.urls),
    *[path("workbench/", include(module)) for module in WORKBENCH],
    *[path("", include(module)) for module in PORTAL],
]

handler404 = "zwgk.portal.portal_views.not_found"
handler500 = "zwgk.portal.portal_views.server_error"
