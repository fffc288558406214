"""The workbench's tamper alerts (网页防篡改告警): what a check found, the difference, and who
confirmed it (Art. 40)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zwgk.org.permissions import can, require
from zwgk.publishing import services
from zwgk.publishing.models import BrokenLink, TamperAlert


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    require(request.user, "publishing.view_alerts")
    return render(request, "publishing/wb_alerts.html", {
        "nav": "publishing", "alerts": TamperAlert.objects.select_related("acknowledged_by")[:200],
    })


@login_required
def broken_links(request: HttpRequest) -> HttpResponse:
    """失效链接 by department and section: each department sees its own; the technology bureau,
    the cyber corps and the office (who keep the portal) see all."""
    require(request.user, "publishing.view_links")
    links = BrokenLink.objects.select_related("department", "section")
    if not can(request.user, "publishing.view_all_links"):
        links = links.filter(department_id=request.user.department_id)
    return render(request, "publishing/wb_links.html", {"nav": "links", "links": links[:1000]})


@login_required
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    services.acknowledge(get_object_or_404(TamperAlert, pk=pk), actor=request.user)
    return redirect("publishing_wb:alerts")
