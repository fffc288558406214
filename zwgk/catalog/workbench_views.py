"""The workbench side of the catalog: drafting, the scan's findings in place, review by the
department head and the secrecy office, publication, withdrawal, the ledger and exports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from zwgk.catalog import exports, search, selectors, services
from zwgk.catalog.models import Category, Entry, ReviewRecord, Section
from zwgk.core.errors import InvalidInput, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.events.models import Event
from zwgk.org.permissions import can, get_for, require


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

    def __init__(self, *args: Any, user: Any, department: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(department=department)
        self.fields["publisher"].choices = [(n, n) for n in services.publisher_names(department)]

    def data_for(self) -> services.DraftData:
        c = self.cleaned_data
        return services.DraftData(
            title=c["title"], section=c["section"], category=c["category"], body=c["body"],
            disclosure_attribute=c["disclosure_attribute"], document_number=c["document_number"],
            redacted_body=c["redacted_body"], disclosure_mode=c["disclosure_mode"], publisher=c["publisher"],
            validity=c["validity"], repost_source=c["repost_source"], repost_url=c["repost_url"],
        )


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
            entry = services.do_create_draft(request.user, form.data_for())
        except InvalidInput as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("catalog_wb:detail", entry.pk)
    return render(request, "catalog/wb_form.html", {"nav": "catalog", "form": form, "entry": None})


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
                                              "repost_source", "repost_url")}
    initial.update(section=entry.section, category=entry.category)
    form = DraftForm(request.POST or None, initial=initial, user=request.user, department=entry.department)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_draft(request.user, entry, form.data_for())
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
        try:
            done = _act(request, entry)
        except (ServiceError, TransitionRefused) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, done)
            return redirect("catalog_wb:detail", entry.pk)
        entry = _entry(request, pk)
    user = request.user
    due_state = selectors.due_state(entry) if entry.status == Entry.APPROVED else ""
    context = {
        "nav": "catalog", "entry": entry, "ledger": entry.ledger.all(),
        "events": Event.objects.for_object(entry).select_related("actor"),
        "attachments": list(entry.attachments.all()), "scan_views": _scan_views(entry),
        "due_state": due_state, "due_label": selectors.DUE_LABELS.get(due_state, ""),
        "may": {
            "edit": entry.status == Entry.DRAFT and can(user, "catalog.edit", entry),
            "submit": entry.status == Entry.DRAFT and can(user, "catalog.submit", entry),
            "review": entry.status in (Entry.IN_REVIEW, Entry.SECRECY_REVIEW) and can(user, "catalog.review", entry),
            "publish": entry.status == Entry.APPROVED and can(user, "catalog.publish", entry),
            "withdraw": entry.status == Entry.PUBLISHED and can(user, "catalog.withdraw", entry),
        },
        "secrecy_stage": entry.status == Entry.SECRECY_REVIEW,
        "attachment_form": AttachmentForm(), "validities": Entry.VALIDITIES,
    }
    return render(request, "catalog/wb_detail.html", context)


def _act(request: HttpRequest, entry: Entry) -> str:
    """One action from the detail page's forms; returns the message to show."""
    post, user = request.POST, request.user
    action = post.get("action")
    if action == "submit":
        entry = services.do_submit(user, entry)
        found = len(entry.scan_findings)
        if found:
            return f"已提交审核。发布前检查发现{found}处提示，请审核人关注。"
        return "已提交审核，发布前检查未发现问题。"
    if action == "review":
        services.do_review(user, entry, post.get("decision", ""), secret=post.get("secret") == "1",
                           opinion=post.get("opinion", ""), higher_office=post.get("higher_office", ""))
        return "审核意见已记入审核审查台账。"
    if action == "publish":
        at = None
        if post.get("scheduled_for"):
            try:
                at = timezone.make_aware(datetime.fromisoformat(post["scheduled_for"]))
            except ValueError:
                raise InvalidInput("定时发布时间格式有误。", fields={"scheduled_for": "格式有误"}) from None
        entry = services.do_publish(user, entry, override_reason=post.get("override_reason", ""), at=at)
        if entry.status == Entry.PUBLISHED:
            return f"已发布，索引号 {entry.index_number}。"
        return f"已设定定时发布：{timezone.localtime(entry.scheduled_for):%Y-%m-%d %H:%M}。"
    if action == "withdraw":
        result = services.do_withdraw(user, entry, post.get("reason", ""), replace=post.get("replace") == "1")
        return "已撤回。" + (f"替换稿已创建（草稿 {result.pk}）。" if result.pk != entry.pk else "")
    if action == "validity":
        entry = services.do_set_validity(user, entry, post.get("validity", ""))
        return f"效力已标记为“{entry.get_validity_display()}”。"
    if action == "attach":
        form = AttachmentForm(post, request.FILES)
        if not form.is_valid():
            raise InvalidInput("请选择要上传的附件。", fields={"file": "请选择文件"})
        upload = form.cleaned_data["file"]
        services.do_add_attachment(user, entry, upload.name, upload.read())
        return "附件已添加。"
    if action == "remove_attachment":
        attachment = entry.attachments.filter(pk=post.get("attachment")).first()
        if attachment is None:
            raise InvalidInput("没有这个附件。")
        services.do_remove_attachment(user, attachment)
        return "附件已删除。"
    raise InvalidInput("未知的操作。")


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
