"""The workbench side of the catalog: drafting, the scan's findings in place, review by the
department head and the secrecy office, publication, withdrawal, the ledger and exports."""

from __future__ import annotations

import typing
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from zwgk.catalog import exports, search, selectors, services
from zwgk.catalog.models import Attachment, Category, Entry, ReviewRecord, Section
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.events.services import event_label
from zwgk.org.permissions import can, get_for, require
from zwgk.workbench import confirm as confirm_step


class DraftForm(forms.Form):
    title = forms.CharField(label="信息名称", max_length=300)
    section = forms.ModelChoiceField(label="栏目", queryset=Section.objects.none())
    category = forms.ModelChoiceField(label="主动公开类别（第八条）", queryset=Category.objects.all())
    disclosure_attribute = forms.ChoiceField(label="公开属性（第五条）", choices=Entry.ATTRIBUTES)
    disclosure_mode = forms.ChoiceField(label="公开方式", choices=Entry.MODES)
    publisher = forms.ChoiceField(label="发布机构")
    document_number = forms.CharField(label="文号", max_length=100, required=False)
    validity = forms.ChoiceField(label="效力", choices=Entry.VALIDITIES)
    body = forms.CharField(label="正文（可粘贴带格式文本；保存时清理）", widget=forms.Textarea, required=False)
    redacted_body = forms.CharField(label="删减后正文（此件删减后公开时对外发布）", widget=forms.Textarea,
                                    required=False)
    repost_source = forms.CharField(label="转载来源网站（第三十九条）", max_length=200, required=False)
    repost_url = forms.URLField(label="转载链接", max_length=500, required=False, assume_scheme="https")
    central_document = forms.BooleanField(
        label="本信息是中央文件、国务院文件（全文、摘要或消息稿）", required=False,
        help_text="只能从人民日报、新华社等中央新闻单位、中国政府网或制发机关网站转载（第三十九条）",
    )

    def __init__(self, *args: Any, user: Any, department: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(department=department)
        self.fields["publisher"].choices = [(n, n) for n in services.publisher_names(department)]

    def as_body(self) -> dict[str, Any]:
        """The form as the body of ``services.DraftBody`` (the API's draft body)."""
        return {**self.cleaned_data, "section": self.cleaned_data["section"].code,
                "category": self.cleaned_data["category"].code}


class AttachmentForm(forms.Form):
    file = forms.FileField(label="附件（PDF、DOCX、XLSX、图片）")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The department's entries by state; approved ones by their derived deadline state."""
    require(request.user, "catalog.use")
    qs = selectors.visible_to(request.user)
    mine = {
        "drafts": list(qs.filter(status=Entry.DRAFT).order_by("-updated_at")[:50]),
        "in_review": list(qs.filter(status__in=[Entry.IN_REVIEW, Entry.SECRECY_REVIEW]).order_by("updated_at")[:50]),
        "published": list(qs.filter(status=Entry.PUBLISHED).order_by("-published_on", "-id")[:20]),
        "withdrawn": list(qs.filter(status=Entry.WITHDRAWN).order_by("-withdrawn_at")[:20]),
    }
    context = {
        "nav": "catalog", "groups": mine, "due": selectors.due_for_publication(request.user),
        "due_labels": selectors.DUE_LABELS, "may_draft": can(request.user, "catalog.draft"),
    }
    return render(request, "catalog/wb_index.html", context)


def _department(request: HttpRequest) -> Any:
    if request.user.department is None:
        raise InvalidInput("您未分配部门，不能起草信息。")
    return request.user.department


@login_required
def new(request: HttpRequest) -> HttpResponse:
    require(request.user, "catalog.draft")
    department = _department(request)
    form = DraftForm(request.POST or None, user=request.user, department=department)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.do_create_draft(actor=request.user, **_validated(services.DraftBody, form.as_body()))
        except InvalidInput as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("catalog_wb:detail", entry.pk)
    return render(request, "catalog/wb_form.html", {"nav": "catalog", "form": form, "entry": None})


def _validated(schema: type[services.StrictSchema], body: dict[str, Any]) -> dict[str, Any]:
    from pydantic import ValidationError

    from zwgk.core.validation import invalid_input_from

    try:
        return schema.model_validate(body).model_dump(exclude_unset=True)
    except ValidationError as exc:
        raise invalid_input_from(exc.errors()) from None


def _form_errors(form: forms.Form, exc: InvalidInput) -> None:
    for name, text in exc.fields.items():
        form.add_error(name if name in form.fields else None, text)
    if not exc.fields:
        form.add_error(None, exc.message)


def _entry(request: HttpRequest, pk: int) -> Entry:
    return get_for(request.user, Entry.objects.select_related("section", "category", "department"), "catalog.view",
                   pk=pk)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    require(request.user, "catalog.edit", entry)
    initial = {f: getattr(entry, f) for f in ("title", "disclosure_attribute", "disclosure_mode", "publisher",
                                              "document_number", "validity", "body", "redacted_body",
                                              "repost_source", "repost_url", "central_document")}
    initial.update(section=entry.section, category=entry.category)
    form = DraftForm(request.POST or None, initial=initial, user=request.user, department=entry.department)
    if request.method == "POST" and form.is_valid():
        try:
            services.ACTIONS.perform(entry, "edit", actor=request.user, body=form.as_body())
        except InvalidInput as exc:
            _form_errors(form, exc)
        except TransitionRefused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "草稿已修改。")
            return redirect("catalog_wb:detail", entry.pk)
    return render(request, "catalog/wb_form.html", {"nav": "catalog", "form": form, "entry": entry})


def marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """``text`` escaped with the scan's findings marked in place."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(str(escape(text[last:start])))
        out.append(f'<mark class="finding">{escape(text[start:end])}</mark>')
        last = end
    out.append(str(escape(text[last:])))
    return mark_safe("".join(out))


def _scan_views(entry: Entry) -> list[dict[str, Any]]:
    """The scanned texts with their findings marked in place."""
    by_source: dict[str, list[dict[str, Any]]] = {}
    for finding in entry.scan_findings:
        by_source.setdefault(finding["source"], []).append(finding)
    texts = {"title": ("信息名称", entry.title), "body": ("正文", search.plain_text(entry.public_body))}
    for a in entry.attachments.all():
        texts[f"attachment:{a.pk}"] = (f"附件：{a.name}", a.text)
    views = []
    for source, findings in by_source.items():
        label, text = texts.get(source, (source, ""))
        views.append({"label": label, "findings": findings,
                      "text": marked(text, [(f["start"], f["end"]) for f in findings])})
    return views


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    if request.method == "POST":
        page = _gate(request, entry)
        if page is not None:
            return page
        try:
            done = _act(request, entry)
        except (ServiceError, TransitionRefused) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, done)
            return redirect("catalog_wb:detail", entry.pk)
        entry = _entry(request, pk)
    due_state = selectors.due_state(entry) if entry.status == Entry.APPROVED else ""
    events = list(Event.objects.for_object(entry).select_related("actor", "content_type"))
    for event in events:
        event.label = event_label(event)
    attachments = list(entry.attachments.all())
    context = {
        "nav": "catalog", "entry": entry, "ledger": entry.ledger.all(), "events": events,
        "attachments": attachments, "scan_views": _scan_views(entry),
        "findings": [{**f, "id": services.finding_id(f)} for f in entry.scan_findings],
        "originals": [a for a in attachments if a.redacted_of_id is None],
        "due_state": due_state, "due_label": selectors.DUE_LABELS.get(due_state, ""),
        "may": dict.fromkeys(services.allowed_actions(entry, request.user), True),
        "secrecy_stage": entry.status == Entry.SECRECY_REVIEW,
        "attachment_form": AttachmentForm(), "validities": Entry.VALIDITIES,
        "external_links": _pending_links(entry),
    }
    return render(request, "catalog/wb_detail.html", context)


def _pending_links(entry: Entry) -> dict[str, str]:
    """The entry's links awaiting approval (Art. 40), once it is submitted and until published."""
    from zwgk.catalog import external_links

    if entry.status not in (Entry.IN_REVIEW, Entry.SECRECY_REVIEW, Entry.APPROVED):
        return {}
    return external_links.unapproved(entry)


def _body(request: HttpRequest, action: str) -> dict[str, Any]:
    """The body of ``action`` from the detail page's form: the fields of the action's schema that
    were filled in (lists from repeated fields; a file for ``attach``)."""
    post = request.POST
    if action == "attach":
        form = AttachmentForm(post, request.FILES)
        if not form.is_valid():
            raise InvalidInput("请选择要上传的附件。", fields={"file": "请选择文件"})
        upload = form.cleaned_data["file"]
        return {"name": upload.name, "data": upload.read(), "redacted_of": post.get("redacted_of") or None}
    body: dict[str, Any] = {}
    for name, info in services.ACTIONS.actions[action].body.model_fields.items():
        if typing.get_origin(info.annotation) is list:
            body[name] = [v for v in post.getlist(name) if v]
        elif post.get(name, "") != "":
            body[name] = post[name]
    return body


def _done(entry: Entry, action: str, result: Any) -> str:
    """What to tell the person after ``action``."""
    if action == "submit":
        found = len(result.scan_findings)
        if found:
            return f"已提交审核。发布前检查发现{found}处提示，请审核人关注。"
        return "已提交审核，发布前检查未发现问题。"
    if action == "publish":
        if result.status == Entry.PUBLISHED:
            return f"已发布，索引号 {result.index_number}。"
        return f"已设定定时发布：{timezone.localtime(result.scheduled_for):%Y-%m-%d %H:%M}。"
    if action == "withdraw":
        return "已撤回。" + (f"替换稿已创建（草稿 {result.pk}）。" if result.pk != entry.pk else "")
    if action == "set_validity":
        return f"效力已标记为“{result.get_validity_display()}”。"
    return {"review": "审核意见已记入审核审查台账。", "attach": "附件已添加。",
            "remove_attachment": "附件已删除。"}.get(action, "已办理。")


def _gate(request: HttpRequest, entry: Entry) -> HttpResponse | None:
    """发布 and 撤回 are confirmed first (issue 13); publishing and a review that approves ask for the
    password again when the last check is old (issue 10)."""
    action = request.POST.get("action", "")
    post = request.POST
    back = reverse("catalog_wb:detail", args=[entry.pk])
    confirmation = None
    rows = [("信息名称", entry.title), ("栏目", entry.section.name),
            ("公开属性", entry.get_disclosure_attribute_display())]
    if action == "publish":
        when = post.get("scheduled_for", "").replace("T", " ")
        rows += [("结果", f"定时发布：{when}" if when else "立即在门户网站发布，编发索引号，公众可见")]
        if accepted := post.getlist("accepted_findings"):
            rows.append(("放行的检查提示", f"{len(accepted)}处；理由：{post.get('override_reason', '')}"))
        confirmation = confirm_step.Confirmation("发布", entry.title, back, rows)
    elif action == "withdraw" and post.get("reason", "").strip():
        rows += [("索引号", entry.index_number or "—"), ("撤回理由", post["reason"]),
                 ("结果", "从门户网站撤下，目录保留并注明已撤回及理由"
                  + ("；同时起草替换稿" if post.get("replace") else ""))]
        confirmation = confirm_step.Confirmation("撤回", entry.title, back, rows)
    needs_password = action == "publish" or (action == "review" and post.get("decision") == "approve")
    return confirm_step.gate(request, action=f"catalog.{action}", confirm=confirmation, obj=entry,
                             needs_password=needs_password, back_url=back, nav="catalog")


def _act(request: HttpRequest, entry: Entry) -> str:
    """One action from the detail page's forms (the same registry and bodies as the API)."""
    action = request.POST.get("action", "")
    if action not in services.ACTIONS or action == "edit":
        raise InvalidInput("未知的操作。")
    result = services.ACTIONS.perform(entry, action, actor=request.user, body=_body(request, action))
    return _done(entry, action, result)


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Any attachment (originals too) of an entry the person may see: the staff's own address; the
    public one serves only what the public may have."""
    found = Attachment.objects.filter(pk=pk).first()
    _entry(request, found.entry_id if found else 0)
    response = FileResponse(default_storage.open(found.file.name, "rb"), content_type=found.content_type,
                            as_attachment=not found.content_type.startswith("image/"), filename=found.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def ledger_xlsx(request: HttpRequest) -> HttpResponse:
    """The review ledger (审核审查台账, annex 2) as XLSX: everything for the office, own department otherwise."""
    require(request.user, "catalog.use")
    rows = ReviewRecord.objects.select_related("entry", "entry__department").order_by("at", "id")
    if not can(request.user, "catalog.view_all"):
        rows = rows.filter(entry__department_id=request.user.department_id)
    return exports.xlsx_response(exports.ledger_workbook(rows), "审核审查台账.xlsx")


@login_required
def catalog_xlsx(request: HttpRequest) -> HttpResponse:
    """The catalog (published and withdrawn entries) as XLSX."""
    require(request.user, "catalog.use")
    qs = selectors.visible_to(request.user).filter(status__in=[Entry.PUBLISHED, Entry.WITHDRAWN])
    return exports.xlsx_response(exports.catalog_workbook(qs.order_by("-published_on", "-id")[:100000]),
                                 "信息公开目录.xlsx")


@login_required
def external_link_register(request: HttpRequest) -> HttpResponse:
    """The register of links to sites outside party and government domains (Art. 40): requests
    come from submitted entries; 网安总队 or 科信局 record their consultation, then the supervising
    leader approves. The same actions as ``external_links.ACTIONS`` (one transaction each)."""
    from zwgk.catalog import external_links
    from zwgk.catalog.models import ExternalLink

    require(request.user, "catalog.view_links")
    if request.method == "POST":
        link = ExternalLink.objects.filter(pk=request.POST.get("link") or 0).first()
        action = request.POST.get("action", "")
        try:
            if link is None or action not in external_links.ACTIONS:
                raise InvalidInput("未知的链接或操作。")
            external_links.ACTIONS.perform(link, action, actor=request.user,
                                           body={"opinion": request.POST.get("opinion", "")})
        except (ServiceError, TransitionRefused) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        else:
            messages.success(request, f"{link.host}：{external_links.ACTIONS.label(action)}。")
        return redirect("catalog_wb:external_links")
    links = list(ExternalLink.objects.select_related("entry", "requested_by", "consulted_by", "approved_by"))
    for link in links:
        link.may = [(a, external_links.ACTIONS.label(a)) for a in external_links.allowed_actions(link, request.user)]
    return render(request, "catalog/wb_external_links.html", {"nav": "catalog", "links": links})
