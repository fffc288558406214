"""Workbench pages of disclosure on application: queues, the case page with only the actions a
person may take now, registration, scans, contests and letters (Art. 14–21). Views parse forms and
call services; they never change a status themselves."""


from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.applications import case_file as case_file_zip
from zwgk.applications import forms as f
from zwgk.applications import letters as letter_docs
from zwgk.applications import selectors, services
from zwgk.applications.models import (
    ABANDON_REASONS,
    ApplicantType,
    Application,
    Channel,
    Decision,
    LetterTemplate,
    Outcome,
    Reason,
    Status,
    SupplementFile,
)
from zwgk.applications.schemas import ApplicationListQuery
from zwgk.applications.services import ACTIONS
from zwgk.core import case_lists
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.org.models import Department
from zwgk.org.permissions import can, require
from zwgk.security import audit
from zwgk.security.models import AuditKind
from zwgk.workbench import confirm as confirm_step
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


def _returned(application: Application) -> services.SignOff | None:
    """The return that sent the draft back to the handler (Art. 20), while it waits for a redraft."""
    if not application.draft_outcome or application.status in (Application.IN_SIGNOFF, Application.SIGNED_OFF):
        return None
    last = application.signoffs.filter(round=application.signoff_round).order_by("-id").first()
    return last if last is not None and last.decision == Decision.RETURN else None


def _redraft_initial(application: Application) -> dict:
    """Issue 13: a redraft after a return starts from the returned text, not from a blank form."""
    other = application.draft_other_body or {}
    return {"outcome": application.draft_outcome, "reason": application.draft_reason or "",
            "legal_basis": application.draft_legal_basis or "", "content": application.draft_content or "",
            "other_body_name": other.get("name", ""), "other_body_contact": other.get("contact", ""),
            "reviews": list(application.draft_reviews or [])}


def _may_change_attachments(application: Application, user) -> bool:  # type: ignore[no-untyped-def]
    try:
        services.check_reply_attachments(application, actor=user)
    except ServiceError:
        return False
    return True


def _case_context(request: HttpRequest, application: Application, bound: tuple[str, f.forms.Form] | None = None):
    today = timezone.localdate()
    actions = services.available_actions(application, request.user)
    action_forms = []
    returned = _returned(application)
    for action in actions:
        if bound and bound[0] == action:
            form = bound[1]
        else:
            initial = {"on": today, **(_redraft_initial(application) if action == "draft_reply" and returned else {})}
            form = _form_class(application, action)(initial=initial, prefix=action)
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
        "returned": returned,
        "scans": application.scans.all(),
        "supplements": application.supplements.prefetch_related("files"),
        "reply_attachments": application.reply_attachments.select_related("letter"),
        "may_change_attachments": _may_change_attachments(application, request.user),
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
    form = form_class(request.POST, request.FILES, prefix=action)
    if form.is_valid():
        body = f.form_body(form)
        page = _gate(request, application, action, body)
        if page is not None:
            return page
        try:
            with transaction.atomic():  # the files and the draft together, or neither
                for name, data in f.uploads(form.cleaned_data.get("attachments") or []):
                    services.do_attach_reply_file(application, actor=request.user, name=name, data=data)
                ACTIONS.perform(application, action, actor=request.user, body=body)
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


def _gate(request: HttpRequest, application: Application, action: str, body: dict) -> HttpResponse | None:
    """答复 and 视为放弃 are confirmed first (issue 13); approving a sign-off or an extension asks for
    the password again when the last check is old (issue 10)."""
    approves = action == "sign_off" and body.get("decision") == Decision.APPROVE
    needs_password = approves or action == "approve_extension"
    confirmation = _confirmation(application, action, body) if action in ("reply", "abandon") else None
    return confirm_step.gate(request, action=f"application.{action}", confirm=confirmation, obj=application,
                             needs_password=needs_password, nav="applications",
                             back_url=reverse("applications_wb:case", args=[application.number]))


def _confirmation(application: Application, action: str, body: dict) -> confirm_step.Confirmation:
    """What the reply or the abandonment will do: the case, the outcome and the letter issued."""
    case = f"申请 {application.number}"
    back = reverse("applications_wb:case", args=[application.number])
    rows = [("申请人", application.name), ("所需信息", application.description[:200])]
    if action == "abandon":
        rows += [("结果", f"视为放弃申请：{dict(ABANDON_REASONS).get(body.get('reason', ''), '')}，办结并停止计时"),
                 ("日期", str(body.get("on", ""))), ("文书", "不出具答复书；申请人可在查询页看到办理结果")]
        return confirm_step.Confirmation("视为放弃", case, back, rows)
    answer = services.draft_answer(application) if application.status == Application.SIGNED_OFF else body
    outcome = answer.get("outcome") or ""
    letter = LetterTemplate.objects.filter(pk=letter_docs.OUTCOME_LETTER.get(outcome, "")).first()
    rows += [("答复类型", Outcome(outcome).label if outcome in Outcome.values else "—")]
    if answer.get("reason"):
        rows.append(("理由", Reason(answer["reason"]).label))
    if answer.get("content"):
        rows.append(("答复内容", answer["content"]))
    rows += [("答复日期", str(body.get("on", ""))), ("将出具的文书", letter.name if letter else "—"),
             ("结果", "答复申请人并办结，停止计时")]
    return confirm_step.Confirmation("答复", case, back, rows)


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
                services.check_scan(data, scan.name)
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
    # Scans are PDF or images by content (core.files.check_upload), safe inline; never sniffed.
    response["Content-Disposition"] = f'inline; filename="{scan.pk}.{scan.name.rsplit(".", 1)[-1]}"'
    response["X-Content-Type-Options"] = "nosniff"
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



@login_required
@require_POST
def upload_attachment(request: HttpRequest, number: str) -> HttpResponse:
    """Attach disclosed files to the answer being drafted (Art. 16); fixed once sign-off begins."""
    application = selectors.for_staff(request.user, number)
    form = f.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            with transaction.atomic():
                for name, data in f.uploads(form.cleaned_data["attachments"]):
                    services.do_attach_reply_file(application, actor=request.user, name=name, data=data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "答复附件已添加。")
    return redirect("applications_wb:case", number=number)


@login_required
@require_POST
def remove_attachment(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    try:
        services.do_remove_reply_file(application, actor=request.user, attachment_id=attachment_id)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "答复附件已删除。")
    return redirect("applications_wb:case", number=number)


@login_required
def attachment_file(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    application = selectors.for_staff(request.user, number)
    attachment = application.reply_attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    audit.personal_data(request.user, attachment, "reply_attachment")
    return selectors.stored_download(attachment)


@login_required
def supplement_file(request: HttpRequest, number: str, file_id: int) -> HttpResponse:
    """A file the applicant sent with an online supplement (Art. 15 ¶2)."""
    application = selectors.for_staff(request.user, number)
    row = SupplementFile.objects.filter(pk=file_id, supplement__application=application).first()
    if row is None:
        raise Http404
    audit.personal_data(request.user, row, "supplement_file")
    return selectors.stored_download(row, "inline")
