"""The staff workbench: login, to-do list, calendar upkeep and the responsibility tables.

Views are thin: they parse forms and call services; the permission layer decides access.
"""

from __future__ import annotations

import time
from base64 import b32encode
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from zwgk.catalog import services as catalog_services
from zwgk.core.errors import ServiceError
from zwgk.org import auth, identity, otp
from zwgk.org import services as org_services
from zwgk.org.middleware import SEEN
from zwgk.org.models import Department, MessageRoute
from zwgk.org.permissions import can, require
from zwgk.security import audit, reauth
from zwgk.security.models import AuditKind
from zwgk.workbench.forms import (
    CalendarForm,
    LoginForm,
    NoticeForm,
    OtpConfirmForm,
    PasswordChangeForm,
    RouteForm,
    SectionAssignForm,
)
from zwgk.workbench.todo import todo_for
from zwgk.workdays import services as workdays
from zwgk.workdays.notice import NoticeParseError, parse_notice


def login_view(request: HttpRequest) -> HttpResponse:
    """Password through the lock-out gate, then the second factor for an enrolled account (Art. 40)."""
    form = LoginForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            staff, device = identity.complete_login(
                form.cleaned_data["username"], form.cleaned_data["password"], form.cleaned_data["otp"],
                auth.client_ip(request),
            )
        except ServiceError as exc:
            error = exc.message
        else:
            login(request, staff)
            if device is not None:
                otp_login(request, device)
            request.session[SEEN] = int(time.time())
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = "workbench:home"
            return redirect(target)
    context = {"form": form, "error": error, "idle_minutes": settings.ZWGK_SESSION_IDLE_MINUTES,
               "idle": request.GET.get("idle") == "1"}
    return render(request, "workbench/login.html", context, status=401 if error else 200)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.log(AuditKind.LOGOUT, actor=request.user, obj=request.user)
    logout(request)
    return redirect("workbench:login")


@login_required
def password(request: HttpRequest) -> HttpResponse:
    """Change one's own password; forced for an initial, reset or expired one (Art. 41)."""
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            auth.do_change_password(request.user, form.cleaned_data["old"], form.cleaned_data["new"])
        except ServiceError as exc:
            for field, text in exc.fields.items():
                form.add_error(field if field in form.fields else None, text)
        else:
            update_session_auth_hash(request, request.user)
            reauth.mark_checked(request)
            messages.success(request, "密码已修改。")
            return redirect("workbench:home")
    owed = "expired" if auth.password_expired(request.user) else ("initial" if request.user.must_change_password
                                                                  else "")
    return render(request, "workbench/password.html", {"form": form, "owed": owed, "nav": "password"})


@login_required
def otp_enrol(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP app: show the secret, confirm with one code, show the backup codes once."""
    form = OtpConfirmForm(request.POST or None)
    codes = None
    if request.method == "POST" and request.POST.get("step") == "confirm" and form.is_valid():
        try:
            device, codes = otp.confirm_enrolment(request.user, form.cleaned_data["otp"])
        except ServiceError as exc:
            form.add_error("otp", exc.message)
        else:
            otp_login(request, device)
    pending = otp.pending_device(request.user)
    if codes is None and (pending is None or request.POST.get("step") == "new"):
        otp.start_enrolment(request.user)
        pending = otp.pending_device(request.user)
    context = {
        "nav": "otp", "form": form, "codes": codes, "enrolled": otp.enrolled(request.user),
        "required": otp.required(request.user),
        "secret": b32encode(pending.bin_key).decode() if pending and codes is None else "",
        "uri": pending.config_url if pending and codes is None else "",
    }
    return render(request, "workbench/otp.html", context)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The to-do list, with what reached this person since they last looked (then marked read)."""
    alerts = list(request.user.alerts.filter(read_at__isnull=True)[:50])
    request.user.alerts.filter(pk__in=[a.pk for a in alerts]).update(read_at=timezone.now())
    return render(request, "workbench/home.html", {"items": todo_for(request.user), "alerts": alerts, "nav": "home"})


def _lines(days: dict[date, str]) -> str:
    return "\n".join(f"{d.isoformat()} {name}".strip() for d, name in sorted(days.items()))


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """View a year's calendar; with the calendar permission, edit it or read in a notice."""
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or date.today().year)
    except ValueError:
        year = date.today().year
    year = min(max(year, 1949), 2200)
    manage = can(request.user, "calendar.manage")
    data = workdays.calendar_of(year)
    form = CalendarForm(initial={"holidays": _lines(data.holidays), "workdays": _lines(data.workdays)})
    notice_form = NoticeForm()
    preview = None
    if request.method == "POST":
        require(request.user, "calendar.manage")
        step = request.POST.get("step")
        if step == "parse":
            notice_form = NoticeForm(request.POST)
            if notice_form.is_valid():
                try:
                    preview = parse_notice(notice_form.cleaned_data["text"])
                except NoticeParseError as exc:
                    notice_form.add_error("text", str(exc))
        elif step == "confirm":
            notice_form = NoticeForm(request.POST)
            if notice_form.is_valid():
                try:
                    notice = parse_notice(notice_form.cleaned_data["text"])
                    recounted = workdays.do_save_notice(notice, actor=request.user)
                except (NoticeParseError, ServiceError) as exc:
                    notice_form.add_error("text", getattr(exc, "message", str(exc)))
                else:
                    messages.success(request, f"{notice.year}年节假日安排已按通知保存，重新计算暂定期限{recounted}件。")
                    return HttpResponseRedirect(f"?year={notice.year}")
        elif step == "save":
            form = CalendarForm(request.POST)
            if form.is_valid():
                try:
                    recounted = workdays.do_save_year(
                        year, form.cleaned_data["holidays"], form.cleaned_data["workdays"],
                        actor=request.user, source="工作台维护",
                    )
                except ServiceError as exc:
                    form.add_error(None, exc.message)
                else:
                    messages.success(request, f"{year}年节假日安排已保存，重新计算暂定期限{recounted}件。")
                    return HttpResponseRedirect(f"?year={year}")
    context = {
        "nav": "calendar",
        "year": year,
        "data": data,
        "manage": manage,
        "form": form,
        "notice_form": notice_form,
        "preview": preview,
        "known_years": workdays.known_years(),
    }
    return render(request, "workbench/calendar.html", context)


@login_required
def departments(request: HttpRequest) -> HttpResponse:
    """Departments, their staff and the sections and message kinds each is responsible for."""
    require(request.user, "org.view")
    manage = can(request.user, "org.manage")
    assign_form = SectionAssignForm()
    route_form = RouteForm()
    if request.method == "POST":
        require(request.user, "org.manage")
        if request.POST.get("step") == "assign":
            assign_form = SectionAssignForm(request.POST)
            if assign_form.is_valid():
                catalog_services.do_assign_section(
                    assign_form.cleaned_data["section"], actor=request.user,
                    department=assign_form.cleaned_data["department"],
                )
                messages.success(request, "栏目维护部门已更新。")
                return redirect("workbench:departments")
        elif request.POST.get("step") == "route":
            route_form = RouteForm(request.POST)
            if route_form.is_valid():
                org_services.do_save_route(request.user, route_form.instance)
                messages.success(request, "归口规则已保存。")
                return redirect("workbench:departments")
        elif request.POST.get("step") == "delete_route":
            route = get_object_or_404(MessageRoute, pk=request.POST.get("route"))
            org_services.do_delete_route(request.user, route)
            messages.success(request, "归口规则已删除。")
            return redirect("workbench:departments")
    context = {
        "nav": "departments",
        "departments": Department.objects.prefetch_related("sections", "staff__roles"),
        "routes": MessageRoute.objects.select_related("department"),
        "manage": manage,
        "assign_form": assign_form,
        "route_form": route_form,
    }
    return render(request, "workbench/departments.html", context)
