"""The portal's public list of officers' dishonesty records (Art. 22 "依法依规逐步公开民警政务失信
记录"): only what the personnel office published, only of sources the law makes public, masked (the
officer's surname only; ID numbers and phones never reach the page)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from zwgk.assessment import integrity


def dishonesty_records(request: HttpRequest) -> HttpResponse:
    return render(request, "assessment/portal_dishonesty.html", {
        "nav": "integrity", "records": integrity.public_records(),
        "crumbs": [("网站首页", reverse("portal:home")), ("政务诚信", reverse("portal:channel", args=["integrity"])),
                   ("政务失信记录公示", None)],
    })
