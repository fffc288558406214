"""The workbench's tamper alerts (网页防篡改告警): what a check found, the difference, and who
confirmed it (Art. 40)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zwgk.org.permissions import require
from zwgk.publishing import services
from zwgk.publishing.models import TamperAlert


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    require(request.user, "publishing.view_alerts")
    return render(request, "publishing/wb_alerts.html", {
        "nav": "publishing", "alerts": TamperAlert.objects.select_related("acknowledged_by")[:200],
    })


@login_required
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    services.acknowledge(get_object_or_404(TamperAlert, pk=pk), actor=request.user)
    return redirect("publishing_wb:alerts")
