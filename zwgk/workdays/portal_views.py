"""The public page that explains a deadline (how N working days from D were counted)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from zwgk.core.errors import InvalidInput
from zwgk.workdays.api import MAX_DAYS, explained


def explain(request: HttpRequest) -> HttpResponse:
    """``?start=YYYY-MM-DD&days=N``: every day from the day after ``start`` to the deadline, with
    the reason each was skipped or counted. Linked beside every due date; bad input is named."""
    errors: dict[str, str] = {}
    try:
        start = date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        start = None
        errors["start"] = "起算日应为日期（YYYY-MM-DD）"
    try:
        days = int(request.GET.get("days", ""))
        if not 0 <= days <= MAX_DAYS:
            raise ValueError
    except ValueError:
        days = None
        errors["days"] = f"工作日数应为0至{MAX_DAYS}的整数"
    result = None
    if not errors:
        try:
            result = explained(start, days)
        except InvalidInput as exc:
            errors.update(exc.fields)
    context = {"result": result, "errors": errors,
               "crumbs": [("网站首页", reverse("portal:home")), ("期限计算说明", None)]}
    return render(request, "workdays/explain.html", context, status=422 if errors else 200)
