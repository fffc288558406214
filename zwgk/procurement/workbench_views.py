"""Workbench pages of procurement (Art. 23) for the logistics department: the projects with their
stages, and the bad-credit records of suppliers and tender agencies. Thin: a form, one service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.core.errors import ServiceError
from zwgk.core.forms import add_service_errors, submit_record_form
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.events.services import event_label
from zwgk.org.permissions import can, require
from zwgk.procurement import forms as f
from zwgk.procurement import services
from zwgk.procurement.models import ProcurementProject, SupplierCreditRecord


@login_required
def projects(request: HttpRequest) -> HttpResponse:
    require(request.user, "procurement.view")
    manage = can(request.user, "procurement.manage")
    form = f.ProjectForm(request.POST or None, initial={"on": timezone.localdate()}) if manage else None
    if request.method == "POST":
        require(request.user, "procurement.manage")
        if form.is_valid():
            try:
                project = services.do_register(actor=request.user, **form.cleaned_data)
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"已登记采购项目，编号 {project.number}。")
                return redirect("procurement_wb:project", number=project.number)
    return render(request, "procurement/wb_projects.html", {
        "nav": "procurement", "projects": ProcurementProject.objects.all(), "form": form,
    }, status=422 if request.method == "POST" else 200)


def _context(request: HttpRequest, project: ProcurementProject, bound: tuple[str, Form] | None = None) -> dict:
    action_forms = []
    if can(request.user, "procurement.manage"):
        for action in services.TABLE.allowed(project.status):
            form = bound[1] if bound and bound[0] == action else f.ACTION_FORMS[action](prefix=action)
            action_forms.append((action, services.ACTIONS.label(action), form))
    events = Event.objects.for_object(project).order_by("at", "id")
    entries = [(label, entry) for label, entry in (
        ("采购公告", project.notice_entry), ("采购结果", project.result_entry), ("合同", project.contract_entry),
        ("履约验收", project.acceptance_entry)) if entry is not None]
    return {"nav": "procurement", "project": project, "action_forms": action_forms, "entries": entries,
            "timeline": [(e, event_label(e)) for e in events]}


def _project(number: str) -> ProcurementProject:
    project = ProcurementProject.objects.filter(number=number).first()
    if project is None:
        raise Http404
    return project


@login_required
def project(request: HttpRequest, number: str) -> HttpResponse:
    require(request.user, "procurement.view")
    return render(request, "procurement/wb_project.html", _context(request, _project(number)))


@login_required
@require_POST
def project_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    require(request.user, "procurement.manage")
    found = _project(number)
    if action not in f.ACTION_FORMS:
        raise Http404
    form = f.ACTION_FORMS[action](request.POST, prefix=action)
    if form.is_valid():
        try:
            services.ACTIONS.perform(found, action, actor=request.user, body=form.cleaned_data)
        except (ServiceError, TransitionRefused) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"已完成：{services.ACTIONS.label(action)}。公开内容已提交本部门负责人审核。")
            return redirect("procurement_wb:project", number=number)
    found.refresh_from_db()
    return render(request, "procurement/wb_project.html", _context(request, found, (action, form)), status=422)


@login_required
def credit_records(request: HttpRequest) -> HttpResponse:
    require(request.user, "procurement.view")
    manage = can(request.user, "procurement.manage")
    form = f.CreditForm(request.POST or None) if manage else None
    if request.method == "POST":
        require(request.user, "procurement.manage")
        done = submit_record_form(request, form, lambda data: services.do_record_credit(actor=request.user, **data),
                                  success="已录入不良信用记录，公示内容已提交本部门负责人审核。",
                                  redirect_to="procurement_wb:credit")
        if done is not None:
            return done
    return render(request, "procurement/wb_credit.html", {
        "nav": "procurement", "form": form,
        "records": SupplierCreditRecord.objects.select_related("project", "entry"),
    }, status=422 if request.method == "POST" else 200)
