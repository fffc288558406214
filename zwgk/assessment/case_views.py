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
from zwgk.assessment.models import DishonestyRecord, HonourNomination
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.forms import add_service_errors, submit_record_form
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.events.services import event_label
from zwgk.org.permissions import can, require


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
                add_service_errors(form, exc)
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
                add_service_errors(form, exc)
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
        done = submit_record_form(
            request, form, lambda data: integrity.do_record_dishonesty(actor=request.user, **data),
            success="已录入政务失信记录。", redirect_to="assessment_wb:dishonesty")
        if done is not None:
            return done
    records = DishonestyRecord.objects.select_related("officer__department")
    return render(request, "assessment/wb_dishonesty.html", {
        "nav": "integrity", "records": records, "form": form, "manage": manage, "today": timezone.localdate(),
        "rules": integrity.source_rules().values(),
    }, status=422 if request.method == "POST" else 200)


PUBLICATION_FORMS = {"publish": f.PublishForm, "withdraw": f.WithdrawForm}


@login_required
@require_POST
def dishonesty_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Publish a record on the portal's 政务诚信 channel, masked, or withdraw it (Art. 22)."""
    require(request.user, "integrity.manage")
    entry = DishonestyRecord.objects.filter(pk=pk).first()
    if entry is None or action not in PUBLICATION_FORMS:
        raise Http404
    form = PUBLICATION_FORMS[action](request.POST)
    if form.is_valid():
        try:
            integrity.ACTIONS.perform(entry, action, actor=request.user, body=form.cleaned_data)
        except (ServiceError, TransitionRefused) as exc:
            messages.error(request, exc.message)
            return redirect("assessment_wb:dishonesty")
        messages.success(request, f"已完成：{integrity.ACTIONS.label(action)}。")
    else:
        messages.error(request, "；".join(f"{form.fields[k].label}：{v[0]}" for k, v in form.errors.items()))
    return redirect("assessment_wb:dishonesty")


@login_required
def person_file(request: HttpRequest, username: str) -> HttpResponse:
    """人员档案 (Art. 22 信用档案): the personnel office, the inspection corps and leaders; others 403."""
    require(request.user, "integrity.view")
    file = integrity.person_file(username)
    if file is None:
        raise Http404
    bars = integrity.bars(timezone.localdate(), DishonestyRecord.objects.filter(officer=file["person"]))
    return render(request, "assessment/wb_person_file.html", {"nav": "integrity", "bars": bars, **file})


@login_required
def honours(request: HttpRequest) -> HttpResponse:
    """评先评优: each department's eligibility with the reasons, and the nomination register where
    a proposal is refused while the nominee has a dishonesty record within its bar (Art. 22)."""
    require(request.user, "integrity.view")
    manage = can(request.user, "integrity.manage")
    today = timezone.localdate()
    form = f.HonourForm(request.POST or None, initial={"on": today, "year": today.year}) if manage else None
    if request.method == "POST":
        require(request.user, "integrity.manage")
        done = submit_record_form(request, form, lambda data: integrity.do_propose_honour(actor=request.user, **data),
                                  success="已登记评先评优推荐。", redirect_to="assessment_wb:honours")
        if done is not None:
            return done
    return render(request, "assessment/wb_honours.html", {
        "nav": "honours", "today": today, "departments": integrity.eligibility(today), "form": form,
        "nominations": HonourNomination.objects.select_related("officer", "department"),
        "rules": integrity.source_rules().values(),
    }, status=422 if request.method == "POST" else 200)


@login_required
def dishonesty_export(request: HttpRequest, kind: str) -> HttpResponse:
    """For the regional credit-sharing platform: CSV or JSON lines, one record a line."""
    require(request.user, "integrity.view")
    records = DishonestyRecord.objects.order_by("id")
    if kind == "csv":
        return attachment(integrity.to_csv(records), "text/csv; charset=utf-8", "dishonesty-records.csv")
    return attachment(integrity.to_json_lines(records), "application/x-ndjson; charset=utf-8",
                      "dishonesty-records.jsonl")
