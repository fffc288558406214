"""Workbench pages of citizen messages: queues per department (overdue first), the office's routing
queue, a message with its original and masked text side by side, replies, manual masks, the
new-media CSV import and the word lists. Thin: the services decide."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any, get_args

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from zwgk.core import case_lists
from zwgk.core.errors import InvalidInput, NotFound, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.events.services import event_label
from zwgk.interaction import masking, selectors, services
from zwgk.interaction.forms import ImportForm, MaskForm, RegisterForm
from zwgk.interaction.models import Channel, Complexity, Message, MessageKind, MessageStatus, ReplyTemplate, WordList
from zwgk.interaction.schemas import MessageListQuery
from zwgk.org.models import Department
from zwgk.org.permissions import can, require
from zwgk.security import audit
from zwgk.security.models import AuditKind
from zwgk.workbench import confirm as confirm_step
from zwgk.workdays.services import DUE_STATE_LABELS


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require(request.user, "message.use")
    queues = selectors.queues_for(request.user)
    if not queues:
        raise NotFound()
    key = request.GET.get("q") or queues[0][0]
    if key not in dict(queues):
        raise NotFound("没有这个队列。")
    rows = selectors.with_due_state(list(selectors.queue(request.user, key)[:300]))
    return render(request, "interaction/wb_queue.html", {
        "nav": "messages", "queues": queues, "current": key, "rows": rows,
        "office": can(request.user, "message.route"), "can_import": can(request.user, "message.import"),
    })


LIST_HEADERS = ["编号", "状态", "信息类别", "渠道", "标题", "内容", "姓名", "联系电话", "受理日期", "答复期限",
                "期限状态", "承办部门"]


def _list_query(request: HttpRequest) -> MessageListQuery:
    require(request.user, "message.use")
    return case_lists.parse(MessageListQuery, request.GET)


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """Search and filter every message one may see (issue 13): a GET form that works without
    JavaScript; a bad filter is a Chinese message naming the field and lists nothing."""
    context = {"nav": "messages", "statuses": MessageStatus.choices, "channels": Channel.choices,
               "kinds": MessageKind.choices, "queues": selectors.queues_for(request.user),
               "departments": Department.objects.filter(active=True).order_by("code")}
    try:
        query = _list_query(request)
        qs = selectors.search(request.user, query)
    except InvalidInput as exc:
        context.update(case_lists.paginate(request, MessageListQuery(), Message.objects.none()))
        return render(request, "interaction/wb_list.html", {**context, "error": exc.message}, status=422)
    context.update(case_lists.paginate(request, query, qs))
    context["rows"] = selectors.with_due_state(list(context["page"].object_list))
    return render(request, "interaction/wb_list.html", context)


@login_required
def case_list_xlsx(request: HttpRequest) -> HttpResponse:
    """The filtered list as XLSX (every cell through ``safe_cell``); it carries senders' names and
    phones, so the export is written to the audit log with its filters and count
    (``security.audit``)."""
    try:
        query = _list_query(request)
        qs = selectors.search(request.user, query)
    except InvalidInput as exc:
        return HttpResponse(exc.message, status=422, content_type="text/plain; charset=utf-8")
    rows = selectors.with_due_state(list(qs[:case_lists.EXPORT_LIMIT]))
    audit.log(AuditKind.PERSONAL_DATA_EXPORT, actor=request.user, obj="messages",
              detail={"what": "message_list.xlsx", "count": len(rows), "filters": query.given()})
    return case_lists.xlsx_download("网民信息", LIST_HEADERS, (
        [m.number, m.get_status_display(), m.get_kind_display(), m.get_channel_display(), m.title, m.body, m.name,
         m.phone, m.received_on, m.due_on, DUE_STATE_LABELS.get(m.due, ""),
         m.department.name if m.department else ""] for m in rows
    ), f"网民信息-{timezone.localdate():%Y%m%d}.xlsx")


CONFIRMATIONS = {
    "triage": "已定性，答复期限已重新计算。",
    "route": "已分办。",
    "route_hostile": "已通报网安部门。",
    "return_to_office": "已退回办公室重新分办。",
    "reply": "已答复。",
    "legal_review": "审核意见已记录。",
    "head_approve": "已审批同意，答复已发出。",
    "head_return": "已退回承办人修改。",
    "request_reclassification": "调整情节的申请已提交办公室。",
    "decide_reclassification": "已决定。",
    "collective_review": "集体研究意见已记录。",
    "mark_passed_on": "已标记为党委政府交办信息。",
    "explain_delay": "解释说明已发送，来信人可在查询页看到。",
    "mark": "标记已更新。",
    "close": "已办结（不予答复）。",
    "acknowledge_alert": "已记录通报情况。",
    "add_mask": "已添加屏蔽。",
    "remove_mask": "已删除屏蔽。",
}
REPLY_CONFIRMATIONS = {
    Message.AWAITING_LEGAL: "已提交法制部门审核。",
    Message.AWAITING_HEAD: "已提交部门负责人审批，审批同意后发出。",
    Message.ANSWERED: "已答复。",
}


def _is_bool(annotation: Any) -> bool:
    return annotation is bool or bool in get_args(annotation)


def form_body(request: HttpRequest, action: str) -> dict[str, Any]:
    """The body of ``action`` from a workbench form: the fields of its schema that were posted (an
    empty choice means "not given"); an unticked checkbox is False."""
    body: dict[str, Any] = {}
    for name, info in services.ACTIONS.actions[action].body.model_fields.items():
        raw = request.POST.get(name)
        if _is_bool(info.annotation):
            body[name] = (raw or "").strip().lower() in ("1", "on", "true", "yes")
        elif raw is not None and (raw.strip() or info.annotation is str):
            body[name] = raw.strip()
    return body


def _act(request: HttpRequest, message: Message) -> str:
    """Run the action posted in ``step`` through the one action pipeline; returns the Chinese
    confirmation."""
    step = request.POST.get("step", "")
    if step not in services.ACTIONS:
        raise NotFound("没有这个操作。")
    result = services.ACTIONS.perform(message, step, actor=request.user, body=form_body(request, step))
    if step in ("reply", "legal_review") and isinstance(result, Message):
        return REPLY_CONFIRMATIONS.get(result.status, CONFIRMATIONS[step])
    return CONFIRMATIONS[step]


@login_required
def detail(request: HttpRequest, number: str) -> HttpResponse:
    message = selectors.for_staff(request.user, number)
    if request.method == "POST":
        page = _gate(request, message)
        if page is not None:
            return page
        try:
            messages.success(request, _act(request, message))
        except TransitionRefused as exc:
            messages.error(request, exc.message)
        except ServiceError as exc:
            if isinstance(exc, NotFound):
                raise
            messages.error(request, exc.message)
        if can(request.user, "message.view", Message.objects.get(pk=message.pk)):
            return redirect("interaction_wb:detail", number=message.number)
        return redirect("interaction_wb:queue")
    masks = list(message.manual_masks.all())
    masked = masking.public_text(message)
    user = request.user
    events = selectors.all_events(message)
    for event in events:
        event.label = event_label(event)
    fields = [("title", "标题", message.title, masked.title), ("body", "内容", message.body, masked.body)]
    if message.reply or message.draft_reply:
        fields.append(("reply", "答复", message.reply or message.draft_reply,
                       masked.reply or masking.mask_field(_draft_view(message), "reply", masks)))
    return render(request, "interaction/wb_detail.html", {
        "nav": "messages", "m": message, "fields": fields, "masks": masks, "mask_form": MaskForm(),
        "events": events, "history": selectors.sender_history(message, user),
        "allowed": set(services.TABLE.allowed(message.status)),
        "departments": Department.objects.filter(active=True),
        "templates": ReplyTemplate.objects.filter(Q(kind=message.kind) | Q(kind="")),
        "kinds": MessageKind.choices, "complexities": Complexity.choices,
        "legal_words": _legal_words(message),
        "may": {name: can(user, f"message.{name}", message) for name in (
            "route", "triage", "handle", "explain", "collective_review", "legal_review", "mark", "mask",
            "request_reclassification", "head_approve")},
    })


def _gate(request: HttpRequest, message: Message) -> HttpResponse | None:
    """答复 is confirmed on the step that actually sends the reply to the sender (issue 13): the
    department's own reply, the legal corps' approval or the head's approval, whichever comes last
    (Art. 29, 30); a draft sent on to review is not yet a reply. The head's approval asks for the
    password again when the last check is old (issue 10)."""
    post = request.POST
    step = post.get("step", "")
    sends = False
    content = post.get("content", "").strip()
    if step == "reply" and content:
        legal = (post.get("legal_review") or "").lower() in ("1", "on", "true", "yes")
        sends = not legal and not message.needs_head_approval
    elif step == "legal_review" and post.get("decision") == "approve":
        content = content or message.draft_reply
        sends = not message.needs_head_approval
    elif step == "head_approve":
        content, sends = message.draft_reply, True
    back = reverse("interaction_wb:detail", args=[message.number])
    confirmation = None
    if sends:
        public = message.public_allowed and not (message.withheld or message.abusive or message.hostile)
        confirmation = confirm_step.Confirmation(
            "答复", f"{message.get_kind_display()} {message.number}", back,
            [("标题", message.title), ("答复内容", content),
             ("结果", "答复来信人" + ("，并在门户网站公开显示（个人信息已屏蔽，第三十二条）" if public
                                 else "，不公开显示"))])
    return confirm_step.gate(request, action=f"message.{step}", confirm=confirmation, obj=message,
                             needs_password=step == "head_approve", back_url=back, nav="messages")


def _draft_view(message: Message) -> Message:
    """A copy with the draft in the reply field, to preview how the reply will be masked."""
    preview = Message(pk=message.pk, name=message.name, author=message.author, phone=message.phone,
                      id_number=message.id_number, email=message.email, reply=message.draft_reply)
    return preview


def _legal_words(message: Message) -> list[str]:
    from zwgk.interaction.routing import find_words

    wordlist = WordList.objects.filter(kind=WordList.LEGAL).first()
    text = f"{message.body}\n{message.draft_reply}"
    return find_words(text, wordlist.word_list()) if wordlist else []


@login_required
def import_csv(request: HttpRequest) -> HttpResponse:
    """New-media comments exported from a platform (Ch. 6), one CSV at a time."""
    require(request.user, "message.import")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
        try:
            result = services.import_new_media_csv(text, actor=request.user)
        except ServiceError as exc:
            form.add_error("file", exc.message)
    return render(request, "interaction/wb_import.html", {
        "nav": "messages", "form": form, "result": result, "columns": services.CSV_COLUMNS,
    })


@login_required
def word_lists(request: HttpRequest) -> HttpResponse:
    """The intake's word lists (Art. 34, 35) and the reply templates: data the office keeps."""
    require(request.user, "message.word_lists")
    if request.method == "POST":
        try:
            wl = services.do_save_word_list(request.POST.get("kind", ""), actor=request.user,
                                            words=request.POST.get("words", ""))
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"词表“{wl}”已保存。")
        return redirect("interaction_wb:word_lists")
    lists = {w.kind: w for w in WordList.objects.all()}
    rows = [(kind, label, "\n".join(lists[kind].word_list()) if kind in lists else "")
            for kind, label in WordList.KINDS]
    return render(request, "interaction/wb_word_lists.html", {
        "nav": "messages", "rows": rows, "templates": ReplyTemplate.objects.all(),
    })


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """The office registers a message received another way; one passed on by the party and
    government (人民网·地方领导留言板) is marked and needs collective review (Art. 29)."""
    require(request.user, "message.route")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        received_at = timezone.make_aware(datetime.combine(d["received_on"], time(9, 0)))
        try:
            message, _ = services.do_submit(
                kind=d["kind"], title=d["title"], body=d["body"], name=d["name"], phone=d["phone"],
                id_number=d["id_number"], email=d["email"], public=not d["not_public"], actor=request.user,
                received_at=received_at, passed_on_source=d["source"],
            )
        except InvalidInput as exc:
            for name, text in exc.fields.items():
                form.add_error(name if name in form.fields else None, text)
        else:
            messages.success(request, f"已登记，编号 {message.number}。")
            return redirect("interaction_wb:detail", number=message.number)
    return render(request, "interaction/wb_register.html", {"nav": "messages", "form": form})
