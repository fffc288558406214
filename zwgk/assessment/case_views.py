"""Workbench pages of accountability cases (Art. 43: inspection corps and leaders only) and of
officers' dishonesty records (Art. 22: the personnel office), with the records' exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.assessment import accountability, integrity
from zwgk.assessment import forms as f
from zwgk.assessment.downloads import attachment
from zwgk.assessment.models import DishonestyRecord
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.events.services import event_label
from zwgk.org.permissions import can, require


def _errors(form: Form, exc: ServiceError) -> None:
    fields = exc.fields if isinstance(exc, InvalidInput) else {}
    for name, text in fields.items():
        form.add_error(name if name in form.fields else None, text)
    if not fields:
        form.add_error(None, exc.message)


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = accountability.visible_cases(request.user)
    manage = can(request.user, "accountability.manage")
    initial = {"on": timezone.localdate(), "department": request.GET.get("department", ""),
               "item": request.GET.get("item", ""), "linked_cases": request.GET.get("linked_cases", "")}
    form = f.OpenCaseForm(request.POST or None, initial=initial) if manage else None
    if request.method == "POST":
        require(request.user, "accountability.manage")
        if form.is_valid():
            try:
                case = accountability.do_open(actor=request.user, **form.body())
            except InvalidInput as exc:
                _errors(form, exc)
            else:
                messages.success(request, f"已立案，编号 {case.number}。")
                return redirect("assessment_wb:accountability_case", number=case.number)
    return render(request, "assessment/wb_accountability.html", {
        "nav": "accountability", "cases": cases, "form": form,
    }, status=422 if request.method == "POST" else 200)


def _case_context(request: HttpRequest, case, bound: tuple[str, Form] | None = None) -> dict:
    forms = []
    if can(request.user, "accountability.manage"):
        for action in accountability.TABLE.allowed(case.status):
            form = bound[1] if bound and bound[0] == action else f.ACTION_FORMS[action](
                initial={"on": timezone.localdate()}, prefix=action)
            forms.append((action, accountability.ACTIONS.label(action), form))
    events = Event.objects.for_object(case).order_by("at", "id")
    return {"nav": "accountability", "case": case, "action_forms": forms,
            "linked": accountability.linked_case_links(case),
            "timeline": [(e, event_label(e)) for e in events]}


@login_required
def case_detail(request: HttpRequest, number: str) -> HttpResponse:
    case = accountability.visible_cases(request.user).filter(number=number).first()
    if case is None:
        raise Http404
    return render(request, "assessment/wb_accountability_case.html", _case_context(request, case))


@login_required
@require_POST
def case_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    case = accountability.visible_cases(request.user).filter(number=number).first()
    if case is None or action not in f.ACTION_FORMS:
        raise Http404
    form = f.ACTION_FORMS[action](request.POST, prefix=action)
    if form.is_valid():
        try:
            accountability.ACTIONS.perform(case, action, actor=request.user, body=form.cleaned_data)
        except (ServiceError, TransitionRefused) as exc:
            if isinstance(exc, ServiceError):
                _errors(form, exc)
            else:
                form.add_error(None, exc.message)
        else:
            messages.success(request, f"已完成：{accountability.ACTIONS.label(action)}。")
            return redirect("assessment_wb:accountability_case", number=number)
    case.refresh_from_db()
    return render(request, "assessment/wb_accountability_case.html", _case_context(request, case, (action, form)),
                  status=422)


@login_required
def dishonesty(request: HttpRequest) -> HttpResponse:
    require(request.user, "integrity.view")
    manage = can(request.user, "integrity.manage")
    form = f.DishonestyForm(request.POST or None) if manage else None
    if request.method == "POST":
        require(request.user, "integrity.manage")
        if form.is_valid():
            try:
                integrity.do_record_dishonesty(actor=request.user, **form.cleaned_data)
            except InvalidInput as exc:
                _errors(form, exc)
            else:
                messages.success(request, "已录入政务失信记录。")
                return redirect("assessment_wb:dishonesty")
    records = DishonestyRecord.objects.select_related("officer__department")
    return render(request, "assessment/wb_dishonesty.html", {"nav": "integrity", "records": records, "form": form},
                  status=422 if request.method == "POST" else 200)


@login_required
def dishonesty_export(request: HttpRequest, kind: str) -> HttpResponse:
    """For the regional credit-sharing platform: CSV or JSON lines, one record a line."""
    require(request.user, "integrity.view")
    records = DishonestyRecord.objects.order_by("id")
    if kind == "csv":
        return attachment(integrity.to_csv(records), "text/csv; charset=utf-8", "dishonesty-records.csv")
    return attachment(integrity.to_json_lines(records), "application/x-ndjson; charset=utf-8",
                      "dishonesty-records.jsonl")
