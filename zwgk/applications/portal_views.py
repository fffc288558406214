"""Portal pages of disclosure on application: the form, the receipt and the status lookup (Art. 13,
15, 19). Views parse forms and call services; they never change a status themselves."""


from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.applications import forms as f
from zwgk.applications import letters as letter_docs
from zwgk.applications import selectors, services
from zwgk.applications.models import Application
from zwgk.core import limits
from zwgk.core.errors import Conflict, InvalidInput, NotFound
from zwgk.core.models import current_site
from zwgk.security import audit

RECEIPT_SESSION_KEY = "application_receipts"


def _crumbs(*extra: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [("网站首页", reverse("portal:home")), ("服务大厅", reverse("portal:channel", args=["services"])),
            ("依申请公开", reverse("applications:apply")), *extra]


def apply(request: HttpRequest) -> HttpResponse:
    """The application form (Art. 13); on submission it is stored and numbered at once (Art. 15)."""
    form = f.ApplicationForm(request.POST if request.method == "POST" else None)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            limits.check_submission(request)
            application, code = services.do_submit(form.cleaned_data)
        except InvalidInput as exc:
            f.apply_errors(form, exc)
        except limits.TooManyRequests as exc:
            form.add_error(None, exc.message)
            status = exc.status
        else:
            receipts = request.session.get(RECEIPT_SESSION_KEY, {})
            receipts[application.number] = code
            request.session[RECEIPT_SESSION_KEY] = receipts
            return redirect("applications:receipt", number=application.number)
    site = current_site()
    return render(request, "applications/apply.html", {
        "nav": "services", "form": form, "site": site, "crumbs": _crumbs(("提交申请", None)),
        "reply_days": services.workdays.limit("application_reply"),
    }, status=status)


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
    """The applicant follows the case with number + query code; a wrong code is 404 like a wrong number.
    The code travels by POST only, never in an address that ends up in logs or the history; wrong
    codes are limited per address and per number (``core.limits``)."""
    form = f.StatusForm(request.POST if request.method == "POST" else None)
    context = {"nav": "services", "form": form, "crumbs": _crumbs(("办理进度查询", None))}
    if request.method == "POST" and not form.is_valid():
        return render(request, "applications/status.html", context, status=422)
    if request.method == "POST":
        number, code = form.cleaned_data["number"].strip(), form.cleaned_data["query_code"]
        try:
            application = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, code))
        except NotFound:
            context["not_found"] = True
            return render(request, "applications/status.html", context, status=404)
        except limits.TooManyRequests as exc:
            context["refused"] = exc.message
            return render(request, "applications/status.html", context, status=exc.status)
        context.update(_case(application, form.cleaned_data["query_code"].strip()))
    return render(request, "applications/status.html", context)


def _case(application: Application, code: str, supplement_form: f.OnlineSupplementForm | None = None) -> dict:
    """What the applicant sees of the case: clock, events, letters and their attachments, and while
    the supplement notice runs, the notice with its deadline and the form to supplement online."""
    open_ = services.supplement_open(application, timezone.localdate())
    return {
        "application": application,
        "query_code": code,
        "events": selectors.events(application, public_only=True),
        "letters": application.letters.filter(public=True).prefetch_related("attachments"),
        "clock": selectors.clock(application),
        "letter_kinds": [("pdf", "下载PDF"), ("docx", "下载Word")],
        "supplement_open": open_,
        "supplement_form": (supplement_form or f.OnlineSupplementForm(initial={"query_code": code})) if open_ else None,
    }


@require_POST
def supplement(request: HttpRequest, number: str) -> HttpResponse:
    """Art. 15 ¶2: the applicant supplements online (text and files) before the notice's deadline;
    the clock restarts. The query code comes in the POST body; a refusal stores nothing."""
    form = f.OnlineSupplementForm(request.POST, request.FILES)
    code = request.POST.get("query_code")
    context: dict = {"nav": "services", "form": f.StatusForm(initial={"number": number}),
                     "crumbs": _crumbs(("办理进度查询", reverse("applications:status")), ("在线补正", None))}
    try:
        application = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, code))
    except limits.TooManyRequests as exc:
        context["refused"] = exc.message
        return render(request, "applications/status.html", context, status=exc.status)
    status = 422
    if form.is_valid():
        try:
            application = services.do_supplement_online(
                application, text=form.cleaned_data["text"], uploads=f.uploads(form.cleaned_data["files"]))
        except InvalidInput as exc:
            if "files" in exc.fields:  # name the file and what is allowed
                form.add_error("files", exc.message)
            else:
                f.apply_errors(form, exc)
        except Conflict as exc:
            context["refused"] = exc.message
            status = 409
        else:
            context["supplemented"] = True
            status = 200
    context.update(_case(application, code or "", supplement_form=form if status != 200 else None))
    return render(request, "applications/status.html", context, status=status)


@require_POST
def citizen_attachment(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    """A file disclosed with the reply (附件), for the applicant: query code in the POST body."""
    code = request.POST.get("query_code")
    application = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, code))
    attachment = selectors.issued_attachment(application, attachment_id)
    audit.personal_data(request.user, attachment, "reply_attachment")
    return selectors.attachment_download(attachment)


@require_POST
def citizen_letter(request: HttpRequest, number: str, letter_id: int, kind: str) -> HttpResponse:
    """A letter of the case for the applicant: the query code comes in the POST body (a button on
    the status page), never in the address."""
    code = request.POST.get("query_code")
    application = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, code))
    letter = application.letters.filter(pk=letter_id, public=True).select_related("template").first()
    if letter is None:
        raise Http404
    audit.personal_data(request.user, letter, f"letter.{kind}")
    return letter_docs.download(letter, kind)
