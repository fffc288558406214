"""Pages of disclosure on application: the portal's form, receipt and status (Art. 13, 15), and the
workbench's queues, case page, registration and annual report. Views parse forms and call
services; they never change a status themselves."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.applications import case_file as case_file_zip
from zwgk.applications import forms as f
from zwgk.applications import letters as letter_docs
from zwgk.applications import report, selectors, services
from zwgk.applications.models import AnnualFigure, Application, Contest
from zwgk.core.errors import InvalidInput, NotFound, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.org.permissions import can, require
from zwgk.portal.models import current_site

RECEIPT_SESSION_KEY = "application_receipts"


def _crumbs(*extra: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [("网站首页", reverse("portal:home")), ("服务大厅", reverse("portal:channel", args=["services"])),
            ("依申请公开", reverse("applications:apply")), *extra]


def _apply_errors(form: f.forms.Form, exc: InvalidInput) -> None:
    for field, message in exc.fields.items():
        form.add_error(field if field in form.fields else None, message)
    if not exc.fields:
        form.add_error(None, exc.message)


# --- portal -----------------------------------------------------------------------------------------

def apply(request: HttpRequest) -> HttpResponse:
    """The application form (Art. 13); on submission it is stored and numbered at once (Art. 15)."""
    form = f.ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application, code = services.do_submit(form.cleaned_data)
        except InvalidInput as exc:
            _apply_errors(form, exc)
        else:
            receipts = request.session.get(RECEIPT_SESSION_KEY, {})
            receipts[application.number] = code
            request.session[RECEIPT_SESSION_KEY] = receipts
            return redirect("applications:receipt", number=application.number)
    site = current_site()
    return render(request, "applications/apply.html", {
        "nav": "services", "form": form, "site": site, "crumbs": _crumbs(("提交申请", None)),
        "reply_days": services.workdays.limit("application_reply"),
    }, status=422 if request.method == "POST" else 200)


def receipt(request: HttpRequest, number: str) -> HttpResponse:
    """The receipt (回执): number, query code, date of receipt and due date; printable. Shown only to
    the browser that submitted it (the query code is never shown again)."""
    code = request.session.get(RECEIPT_SESSION_KEY, {}).get(number)
    if code is None:
        raise Http404
    application = selectors.for_citizen(number, code)
    return render(request, "applications/receipt.html", {
        "nav": "services", "application": application, "query_code": code, "crumbs": _crumbs(("申请回执", None)),
    })


def status(request: HttpRequest) -> HttpResponse:
    """The applicant follows the case with number + query code; a wrong code is 404 like a wrong number."""
    form = f.StatusForm(request.GET or None)
    context = {"nav": "services", "form": form, "crumbs": _crumbs(("办理进度查询", None))}
    if request.GET and form.is_valid():
        try:
            application = selectors.for_citizen(form.cleaned_data["number"].strip(), form.cleaned_data["query_code"])
        except NotFound:
            context["not_found"] = True
            return render(request, "applications/status.html", context, status=404)
        context.update({
            "application": application,
            "query_code": form.cleaned_data["query_code"].strip(),
            "events": selectors.events(application, public_only=True),
            "letters": application.letters.filter(public=True),
            "clock": selectors.clock(application),
        })
    return render(request, "applications/status.html", context)


def _letter_response(letter, kind: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    if kind == "pdf":
        content, content_type = letter_docs.render_pdf(letter), "application/pdf"
    else:
        content = letter_docs.render_docx(letter)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{letter.application.number}-{letter.pk}.{kind}"'
    return response


def citizen_letter(request: HttpRequest, number: str, letter_id: int, kind: str) -> HttpResponse:
    application = selectors.for_citizen(number, request.GET.get("query_code"))
    letter = application.letters.filter(pk=letter_id, public=True).select_related("template").first()
    if letter is None:
        raise Http404
    return _letter_response(letter, kind)


# --- workbench --------------------------------------------------------------------------------------

@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require(request.user, "application.use")
    name = request.GET.get("queue") or ("intake" if services.is_office(request.user) else "mine")
    if name not in dict(selectors.QUEUES):
        name = "mine"
    order = request.GET.get("order", "due_on")
    today = timezone.localdate()
    rows = list(selectors.queue(request.user, name, order=order, today=today)[:300])
    return render(request, "applications/wb_queue.html", {
        "nav": "applications", "queues": selectors.QUEUES, "current": name, "rows": rows, "order": order,
        "today": today, "soon": selectors.soon_limit(today), "may_register": can(request.user, "application.register"),
    })


def _case_context(request: HttpRequest, application: Application, bound: tuple[str, f.forms.Form] | None = None):
    today = timezone.localdate()
    actions = services.available_actions(application, request.user)
    action_forms = []
    for action in actions:
        if bound and bound[0] == action:
            form = bound[1]
        else:
            form = f.ACTION_FORMS[action](initial={"on": today}, prefix=action)
        action_forms.append((action, services.ACTION_LABELS[action], form))
    office = services.is_office(request.user)
    return {
        "nav": "applications",
        "application": application,
        "clock": selectors.clock(application, today),
        "events": selectors.events(application),
        "letters": application.letters.all(),
        "transfers": application.transfers.select_related("lead", "by").prefetch_related("assisting"),
        "consultations": application.consultations.all(),
        "signoffs": application.signoffs.select_related("by"),
        "stage": services.pending_stage(application),
        "stage_label": dict(services.SignOff.STAGES).get(services.pending_stage(application) or "", ""),
        "action_forms": action_forms,
        "scans": application.scans.all(),
        "scan_form": f.ScanForm() if office else None,
        "contests": application.contests.all(),
        "may_export_case": can(request.user, "application.legal"),
        "contest_form": f.ContestForm() if can(request.user, "application.legal")
        and application.status in Application.CLOSED else None,
        "duplicates": selectors.possible_duplicates(application) if office else [],
        "show_identity": office or "application.view_all" in request.user.permission_codes(),
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
    form_class = f.ACTION_FORMS.get(action)
    if form_class is None:
        raise Http404
    form = form_class(request.POST, prefix=action)
    if form.is_valid():
        try:
            services.perform(application, action, request.user, f.form_body(form))
        except InvalidInput as exc:
            _apply_errors(form, exc)
        except (ServiceError, TransitionRefused) as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已完成：{services.ACTION_LABELS[action]}。")
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
                services.do_attach_scan(application, request.user, scan.name, data)
        except InvalidInput as exc:
            if "file" in exc.fields:
                form.add_error("scan", exc.message)
            else:
                _apply_errors(form, exc)
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
            services.do_attach_scan(application, request.user, upload.name, upload.read())
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
            services.do_record_contest(application, request.user, form_body_contest(form))
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
    contest = Contest.objects.filter(application=application, pk=contest_id).first()
    if contest is None:
        raise Http404
    try:
        decided_on = date.fromisoformat(request.POST.get("decided_on", ""))
    except ValueError:
        decided_on = None
    try:
        services.do_decide_contest(contest, request.user, request.POST.get("result", ""), decided_on)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("applications_wb:case", number=number)


@login_required
def staff_letter(request: HttpRequest, number: str, letter_id: int, kind: str) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    letter = application.letters.filter(pk=letter_id).select_related("template").first()
    if letter is None:
        raise Http404
    return _letter_response(letter, kind)


@login_required
def annual_report(request: HttpRequest) -> HttpResponse:
    require(request.user, "application.report")
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2200)
    data = report.annual(year)
    figures = None
    if can(request.user, "application.report_figures"):
        entered = {fig.item: AnnualFigure.plain(fig.value) for fig in AnnualFigure.objects.filter(year=year)}
        figures = [(item, label, entered.get(item, "")) for item, label in AnnualFigure.ITEMS]
    return render(request, "applications/wb_report.html", {
        "nav": "annual_report", "year": year, "figures": figures,
        "tables": [(report.TITLE_2, report.html_rows(report.grid_2(data))),
                   (report.TITLE_3, report.html_rows(report.grid_3(data))),
                   (report.TITLE_4, report.html_rows(report.grid_4(data)))],
    })


@login_required
@require_POST
def save_report_figures(request: HttpRequest, year: int) -> HttpResponse:
    """The office enters table 二's figures from other systems; a wrong one saves none of them."""
    values = {item: request.POST.get(item, "") for item, _ in AnnualFigure.ITEMS}
    try:
        changed = services.do_save_annual_figures(request.user, year, values)
    except InvalidInput as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已保存{len(changed)}项填报数。" if changed else "填报数没有变化。")
    return redirect(f"{reverse('applications_wb:report')}?year={year}")
