"""Administration pages for the system administrator (issue 10; Art. 6, 25, 29, 40): departments,
staff accounts, sections, reply templates and the site profile. Thin: forms in, services do the
work and write the audit entries; a refusal is shown on the form and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from zwgk.catalog import admin_services as sections
from zwgk.catalog.models import Section
from zwgk.core.errors import ServiceError
from zwgk.core.models import SiteProfile
from zwgk.interaction.models import ReplyTemplate
from zwgk.org import admin_services as org
from zwgk.org import otp
from zwgk.org.models import Department, Staff
from zwgk.org.permissions import require
from zwgk.security.models import AuditKind
from zwgk.workbench import admin_forms as f
from zwgk.workbench import confirm as confirm_step


def _attempt(form: forms.Form, action: Callable[[], Any]) -> Any:
    """Run a service; its refusal lands on the form (on the named field where there is one)."""
    try:
        return action()
    except ServiceError as exc:
        named = [k for k in exc.fields if k in form.fields]
        if named:
            for key in named:
                form.add_error(key, exc.message)
        else:
            form.add_error(None, exc.message)
    return None


def _code(value: Any) -> str | None:
    return getattr(value, "code", value) or None


@login_required
def departments(request: HttpRequest) -> HttpResponse:
    require(request.user, "org.manage")
    form = f.DepartmentForm()
    step = request.POST.get("step")
    if step == "create":
        form = f.DepartmentForm(request.POST)
        if form.is_valid() and _attempt(form, lambda: org.do_create_department(request.user, **form.cleaned_data)):
            messages.success(request, "部门已新增。")
            return redirect("workbench:admin_departments")
    elif step in ("rename", "deactivate", "activate"):
        code = request.POST.get("code", "")
        rename = f.DepartmentRenameForm(request.POST)
        kwargs: dict[str, Any] = {"active": step == "activate"} if step != "rename" else {}
        if step == "rename" and rename.is_valid():
            kwargs = {"name": rename.cleaned_data["name"]}
        if kwargs:
            try:
                org.do_change_department(request.user, code, **kwargs)
            except ServiceError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "部门已更新。")
        return redirect("workbench:admin_departments")
    context = {"nav": "admin", "tab": "departments", "form": form,
               "departments": Department.objects.prefetch_related("sections")}
    return render(request, "workbench/admin/departments.html", context)


@login_required
def staff(request: HttpRequest) -> HttpResponse:
    """Accounts: create (the one-time password is shown once), change, deactivate, reset."""
    require(request.user, "org.manage")
    form = f.StaffForm()
    shown: tuple[str, str] | None = None
    step = request.POST.get("step")
    if step == "create":
        form = f.StaffForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            page = confirm_step.gate(request, action="org.create_staff", needs_password=bool(data["roles"]),
                                     back_url=reverse("workbench:admin_staff"), nav="admin")
            if page is not None:  # granting roles asks for the password again, as changing them does
                return page
            created = _attempt(form, lambda: org.do_create_staff(
                request.user, username=data["username"], name=data["name"], department=_code(data["department"]),
                roles=[r.code for r in data["roles"]]))
            if created:
                shown = (created[0].username, created[1])
                form = f.StaffForm()
    elif step in ("reset_password", "reset_otp", "deactivate", "activate"):
        person = get_object_or_404(Staff, username=request.POST.get("username", ""))
        if step in ("reset_password", "reset_otp"):  # taking over an account's credentials: a fresh check
            page = confirm_step.gate(request, action=f"org.{step}", obj=person, needs_password=True,
                                     back_url=reverse("workbench:admin_staff"), nav="admin")
            if page is not None:
                return page
        try:
            if step == "reset_password":
                shown = (person.username, org.do_reset_password(request.user, person.username))
            elif step == "reset_otp":
                otp.do_reset(request.user, person)
                messages.success(request, f"已重置{person.display_name}的双因素认证，其下次登录时重新绑定。")
            else:
                org.do_change_staff(request.user, person.username, active=step == "activate")
                done = "启用" if step == "activate" else "停用"
                messages.success(request, f"已{done}账号 {person.username}（其办理记录保留）。")
        except ServiceError as exc:
            messages.error(request, exc.message)
        if not shown:
            return redirect("workbench:admin_staff")
    people = Staff.objects.select_related("department").prefetch_related("roles").order_by("department__order",
                                                                                            "username")
    context = {"nav": "admin", "tab": "staff", "form": form, "people": people, "shown": shown,
               "enrolled": {s.pk for s in people if otp.enrolled(s)}}
    return render(request, "workbench/admin/staff.html", context)


@login_required
def staff_change(request: HttpRequest, username: str) -> HttpResponse:
    require(request.user, "org.manage")
    person = get_object_or_404(Staff, username=username)
    initial = {"name": person.full_name, "department": person.department,
               "roles": list(person.roles.all())}
    form = f.StaffChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes_roles = {r.code for r in data["roles"]} != {r.code for r in initial["roles"]}
        page = confirm_step.gate(request, action="org.change_roles", obj=person, needs_password=changes_roles,
                                 back_url=reverse("workbench:admin_staff_change", args=[username]), nav="admin")
        if page is not None:
            return page
        if _attempt(form, lambda: org.do_change_staff(
                request.user, username, name=data["name"], department=_code(data["department"]) or "",
                roles=[r.code for r in data["roles"]])):
            messages.success(request, "账号已更新。")
            return redirect("workbench:admin_staff")
    return render(request, "workbench/admin/staff_change.html",
                  {"nav": "admin", "tab": "staff", "form": form, "person": person,
                   "own": person.pk == request.user.pk})


@login_required
def section_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "catalog.manage_sections")
    form = f.SectionForm()
    step = request.POST.get("step")
    if step == "create":
        form = f.SectionForm(request.POST)
        if form.is_valid():
            data = {**form.cleaned_data, "department": form.cleaned_data["department"].code}
            if _attempt(form, lambda: sections.do_create_section(request.user, **data)):
                messages.success(request, "栏目已新增。")
                return redirect("workbench:admin_sections")
    elif step == "change":
        change = f.SectionChangeForm(request.POST)
        if change.is_valid():
            try:
                sections.do_change_section(request.user, request.POST.get("code", ""),
                                           name=change.cleaned_data["name"],
                                           department=change.cleaned_data["department"].code)
            except ServiceError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "栏目已更新。")
        else:
            messages.error(request, "栏目名称和维护部门均为必填。")
        return redirect("workbench:admin_sections")
    context = {"nav": "admin", "tab": "sections", "form": form,
               "sections": Section.objects.select_related("department"),
               "departments": Department.objects.filter(active=True)}
    return render(request, "workbench/admin/sections.html", context)


@login_required
def templates(request: HttpRequest) -> HttpResponse:
    require(request.user, "org.manage")
    instance = None
    if request.GET.get("edit"):
        instance = get_object_or_404(ReplyTemplate, pk=request.GET["edit"])
    form = f.ReplyTemplateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        org.do_save_form(request.user, form, AuditKind.TEMPLATE_CHANGED)
        messages.success(request, "答复模板已保存。")
        return redirect("workbench:admin_templates")
    return render(request, "workbench/admin/templates.html",
                  {"nav": "admin", "tab": "templates", "form": form, "editing": instance,
                   "templates": ReplyTemplate.objects.all()})


@login_required
def site(request: HttpRequest) -> HttpResponse:
    """The site profile: name, 网站标识码, ICP and 公网安备 numbers on every page's footer."""
    require(request.user, "org.manage")
    profile = SiteProfile.objects.order_by("pk").first() or SiteProfile()
    form = f.SiteProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        org.do_save_form(request.user, form, AuditKind.SITE_CHANGED)
        messages.success(request, "网站信息已保存。")
        return redirect("workbench:admin_site")
    return render(request, "workbench/admin/site.html", {"nav": "admin", "tab": "site", "form": form})


class WordListForm(forms.Form):
    text = forms.CharField(label="词表内容（词语以空格或换行分隔；# 开头为注释；[名称] 为分节，须保留）",
                           widget=forms.Textarea(attrs={"rows": 24, "cols": 100}), required=False)


@login_required
def word_lists(request: HttpRequest) -> HttpResponse:
    """The masking word lists of Art. 32 (姓名、地址、健康状况 ...), which the detectors use; the
    mailbox's own word lists (Art. 34, 35) and the sensitive words of the pre-publication scan are
    linked from here."""
    require(request.user, "org.manage")
    from zwgk.privacy import store
    from zwgk.privacy.detect import lexicon
    from zwgk.privacy.models import WordListText

    rows = {r.filename: r for r in WordListText.objects.all()}
    lists = [{"filename": name, "label": store.LABELS.get(name, name), "row": rows.get(name),
              "words": len(store.words_of(lexicon.text_of(name) if name not in rows else rows[name].text)),
              "edited": name in rows and rows[name].text != lexicon.shipped_text(name)}
             for name in lexicon.filenames()]
    return render(request, "workbench/admin/word_lists.html", {"nav": "admin", "tab": "word_lists", "lists": lists})


@login_required
def word_list_change(request: HttpRequest, filename: str) -> HttpResponse:
    require(request.user, "org.manage")
    from zwgk.privacy import store
    from zwgk.privacy.detect import lexicon
    from zwgk.privacy.models import WordListText

    if filename not in lexicon.filenames():
        raise Http404
    row = WordListText.objects.filter(filename=filename).first()
    form = WordListForm(request.POST or None, initial={"text": row.text if row else lexicon.shipped_text(filename)})
    if request.method == "POST":
        if request.POST.get("step") == "restore":
            done = _attempt(form, lambda: store.do_restore_shipped(request.user, filename) or True)
        else:
            done = form.is_valid() and _attempt(
                form, lambda: store.do_save_word_list(request.user, filename, form.cleaned_data["text"]) or True)
        if done:
            messages.success(request, f"词表“{store.LABELS.get(filename, filename)}”已保存，屏蔽检测即时按新词表执行。")
            return redirect("workbench:admin_word_lists")
    return render(request, "workbench/admin/word_list_change.html", {
        "nav": "admin", "tab": "word_lists", "form": form, "filename": filename,
        "label": store.LABELS.get(filename, filename), "row": row})
