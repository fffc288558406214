"""Workbench pages of disclosure on application: queues, the case page with only the actions a
person may take now, registration, scans, contests and letters (Art. 14–21). Views parse forms and
call services; they never change a status themselves."""


from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.applications import case_file as case_file_zip
from zwgk.applications import forms as f
from zwgk.applications import letters as letter_docs
from zwgk.applications import selectors, services
from zwgk.applications.models import ApplicantType, Application, Channel, Outcome, Reason, Status
from zwgk.applications.schemas import ApplicationListQuery
from zwgk.applications.services import ACTIONS
from zwgk.core import case_lists
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.org.models import Department
from zwgk.org.permissions import can, require
from zwgk.security import audit
from zwgk.security.models import AuditKind
from zwgk.workdays.services import DUE_STATE_LABELS


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require(request.user, "application.use")
    name = request.GET.get("queue") or ("intake" if can(request.user, "application.register") else "mine")
    if name not in dict(selectors.QUEUES):
        name = "mine"
    order = request.GET.get("order", "due_on")
    today = timezone.localdate()
    rows = list(selectors.queue(request.user, name, order=order, today=today)[:300])
    return render(request, "applications/wb_queue.html", {
        "nav": "applications", "queues": selectors.QUEUES, "current": name, "rows": rows, "order": order,
        "today": today, "soon": selectors.soon_limit(today), "may_register": can(request.user, "application.register"),
    })


LIST_HEADERS = ["编号", "状态", "申请人", "工作单位或组织", "联系电话", "申请人类型", "申请渠道", "所需信息",
                "收到申请日期", "答复期限", "期限状态", "主办部门"]


def _list_query(request: HttpRequest) -> ApplicationListQuery:
    require(request.user, "application.use")
    return case_lists.parse(ApplicationListQuery, request.GET)


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """Search and filter every application one may see (issue 13): a GET form that works without
    JavaScript; a bad filter is a Chinese message naming the field and lists nothing."""
    today = timezone.localdate()
    context = {"nav": "applications", "statuses": Status.choices, "channels": Channel.choices,
               "applicant_types": ApplicantType.choices, "queues": selectors.QUEUES,
               "departments": Department.objects.filter(active=True).order_by("code")}
    try:
        query = _list_query(request)
    except InvalidInput as exc:
        context.update(case_lists.paginate(request, ApplicationListQuery(), Application.objects.none()))
        return render(request, "applications/wb_list.html", {**context, "error": exc.message}, status=422)
    context.update(case_lists.paginate(request, query, selectors.search(request.user, query, today=today)))
    soon = selectors.soon_limit(today)
    context["rows"] = [selectors.list_row(a, today, soon) for a in context["page"].object_list]
    return render(request, "applications/wb_list.html", context)


@login_required
def case_list_xlsx(request: HttpRequest) -> HttpResponse:
    """The filtered list as XLSX (every cell through ``safe_cell``); it carries applicants' names
    and phones, so the export is written to the audit log with its filters and count, as every
    download of personal data is (``security.audit``)."""
    try:
        query = _list_query(request)
    except InvalidInput as exc:
        return HttpResponse(exc.message, status=422, content_type="text/plain; charset=utf-8")
    today = timezone.localdate()
    soon = selectors.soon_limit(today)
    applications = selectors.search(request.user, query, today=today)[:case_lists.EXPORT_LIMIT]
    rows = [selectors.list_row(a, today, soon) for a in applications]
    audit.log(AuditKind.PERSONAL_DATA_EXPORT, actor=request.user, obj="applications",
              detail={"what": "application_list.xlsx", "count": len(rows), "filters": query.given()})
    return case_lists.xlsx_download("依申请公开", LIST_HEADERS, (
        [r["number"], r["status_label"], r["name"], r["organization"], r["phone"], r["applicant_type_label"],
         r["channel_label"], r["description"], r["received_on"], r["due_on"],
         DUE_STATE_LABELS.get(r["due_state"], ""), r["lead_name"]] for r in rows
    ), f"依申请公开-{today:%Y%m%d}.xlsx")


def _form_class(application: Application, action: str) -> type[f.forms.Form] | None:
    """After the chain, the reply form asks only the date: it issues the signed-off answer."""
    if action == "reply" and application.status == Application.SIGNED_OFF:
        return f.SignedReplyForm
    return f.ACTION_FORMS.get(action)


def _draft(application: Application) -> dict | None:
    """The answer under review, as each reviewer and the replying handler read it (Art. 16, 20)."""
    if not application.draft_outcome or application.status not in (Application.IN_SIGNOFF, Application.SIGNED_OFF):
        return None
    answer = services.draft_answer(application)
    return {**answer, "outcome_label": Outcome(answer["outcome"]).label,
            "reason_label": Reason(answer["reason"]).label if answer["reason"] else ""}


def _case_context(request: HttpRequest, application: Application, bound: tuple[str, f.forms.Form] | None = None):
    today = timezone.localdate()
    actions = services.available_actions(application, request.user)
    action_forms = []
    for action in actions:
        if bound and bound[0] == action:
            form = bound[1]
        else:
            form = _form_class(application, action)(initial={"on": today}, prefix=action)
        action_forms.append((action, ACTIONS.label(action), form))
    office = can(request.user, "application.register")
    return {
        "nav": "applications",
        "application": application,
        "clock": selectors.clock(application, today),
        "events": selectors.events(application),
        "letters": application.letters.all(),
        "transfers": application.transfers.select_related("lead", "by").prefetch_related("assisting"),
        "consultations": application.consultations.all(),
        "extension_requests": application.extension_requests.select_related("requested_by", "decided_by"),
        "draft": _draft(application),
        "signoffs": application.signoffs.select_related("by"),
        "stage": application.pending_stage(),
        "stage_label": dict(services.SignOff.STAGES).get(application.pending_stage() or "", ""),
        "action_forms": action_forms,
        "scans": application.scans.all(),
        "scan_form": f.ScanForm() if office else None,
        "contests": application.contests.all(),
        "may_export_case": can(request.user, "application.legal"),
        "contest_form": f.ContestForm() if can(request.user, "application.legal")
        and application.status in Application.CLOSED else None,
        "duplicates": selectors.possible_duplicates(application) if office else [],
        "show_identity": can(request.user, "application.view_identity"),
    }


@login_required
def case(request: HttpRequest, number: str) -> HttpResponse:
    """The case page: clock, events, letters and only the actions this person may take now."""
    application = selectors.for_staff(request.user, number)
    return render(request, "applications/wb_case.html", _case_context(request, application))


@login_required
@require_POST
def case_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    form_class = _form_class(application, action)
    if form_class is None:
        raise Http404
    form = form_class(request.POST, prefix=action)
    if form.is_valid():
        try:
            ACTIONS.perform(application, action, actor=request.user, body=f.form_body(form))
        except InvalidInput as exc:
            f.apply_errors(form, exc)
        except (ServiceError, TransitionRefused) as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已完成：{ACTIONS.label(action)}。")
            return redirect("applications_wb:case", number=number)
    application.refresh_from_db()
    context = _case_context(request, application, bound=(action, form))
    return render(request, "applications/wb_case.html", context, status=422)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """The office registers letters, e-mails, faxes and visits (Art. 14, 19) with their scans."""
    require(request.user, "application.register")
    form = f.RegisterForm(request.POST or None, request.FILES or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        scan = form.cleaned_data.get("scan")
        data = scan.read() if scan else None
        try:
            if data is not None:
                services.check_scan(data)
            application, code = services.do_submit(
                {k: v for k, v in form.cleaned_data.items() if k != "scan"}, actor=request.user
            )
            if data is not None:
                services.do_attach_scan(application, actor=request.user, name=scan.name, data=data)
        except InvalidInput as exc:
            if "file" in exc.fields:
                form.add_error("scan", exc.message)
            else:
                f.apply_errors(form, exc)
        else:
            messages.success(request, f"已登记，编号 {application.number}，查询码 {code}（请告知申请人）。")
            return redirect("applications_wb:case", number=application.number)
    return render(request, "applications/wb_register.html", {"nav": "applications", "form": form})


@login_required
@require_POST
def upload_scan(request: HttpRequest, number: str) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    form = f.ScanForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.do_attach_scan(application, actor=request.user, name=upload.name, data=upload.read())
        except InvalidInput as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "扫描件已上传。")
    return redirect("applications_wb:case", number=number)


@login_required
def case_file(request: HttpRequest, number: str) -> HttpResponse:
    """Art. 21: the legal corps downloads the whole case as a ZIP for reconsideration or litigation."""
    application = selectors.for_staff(request.user, number)
    require(request.user, "application.legal")
    response = HttpResponse(case_file_zip.build(application), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{application.number}-case.zip"'
    return response


@login_required
def scan_file(request: HttpRequest, number: str, scan_id: int) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    scan = application.scans.filter(pk=scan_id).first()
    if scan is None:
        raise Http404
    audit.personal_data(request.user, scan, "scan")
    response = HttpResponse(scan.file.open("rb").read(), content_type=scan.content_type)
    response["Content-Disposition"] = f'inline; filename="{scan.pk}.{scan.name.rsplit(".", 1)[-1]}"'
    return response


@login_required
@require_POST
def record_contest(request: HttpRequest, number: str) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    form = f.ContestForm(request.POST)
    if form.is_valid():
        try:
            ACTIONS.perform(application, "record_contest", actor=request.user, body=form_body_contest(form))
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已登记行政复议或诉讼。")
    else:
        messages.error(request, "登记信息有误，请检查。")
    return redirect("applications_wb:case", number=number)


def form_body_contest(form: f.ContestForm) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if v not in ("", None)}


@login_required
@require_POST
def decide_contest(request: HttpRequest, number: str, contest_id: int) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    body = {"contest": contest_id, "result": request.POST.get("result", ""),
            "decided_on": request.POST.get("decided_on", "")}
    try:
        ACTIONS.perform(application, "decide_contest", actor=request.user, body=body)
    except (ServiceError, TransitionRefused) as exc:
        messages.error(request, exc.message)
    return redirect("applications_wb:case", number=number)


@login_required
def preview_letter(request: HttpRequest, number: str) -> HttpResponse:
    """The letter of the draft under review as it will be sent (PDF), for every reviewer."""
    application = selectors.for_staff(request.user, number)
    if _draft(application) is None:
        raise Http404
    response = HttpResponse(letter_docs.render_pdf(services.preview(application)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{number}-preview.pdf"'
    return response


@login_required
def staff_letter(request: HttpRequest, number: str, letter_id: int, kind: str) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    letter = application.letters.filter(pk=letter_id).select_related("template").first()
    if letter is None:
        raise Http404
    audit.personal_data(request.user, letter, f"letter.{kind}")
    return letter_docs.download(letter, kind)

