"""The portal's 警民互动 pages: the director's mailbox form, receipt, status query, the public
list of answered messages (masked, Art. 32) and its Atom feed. Every page works without JavaScript."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from zwgk.core import limits
from zwgk.core.errors import Conflict, InvalidInput, NotFound
from zwgk.interaction import masking, selectors, services
from zwgk.interaction.forms import MessageForm, QueryForm, RatingForm
from zwgk.interaction.models import Message, MessageRating

RECEIPT_KEY = "interaction_receipt"


def _crumbs(*more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [("网站首页", reverse("portal:home")), ("警民互动", reverse("portal:channel", args=["interaction"])),
            *more]


def mailbox(request: HttpRequest) -> HttpResponse:
    """厅长信箱 (Art. 28): the form. The message is stored and numbered before the receipt shows."""
    form = MessageForm(request.POST if request.method == "POST" else None)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            limits.check_submission(request)
            message, code = services.do_submit(
                kind=data["kind"], title=data["title"], body=data["body"], name=data["name"], phone=data["phone"],
                id_number=data["id_number"], email=data["email"], public=not data["not_public"],
            )
        except InvalidInput as exc:
            for name, text in exc.fields.items():
                form.add_error(name if name in form.fields else None, text)
        except limits.TooManyRequests as exc:
            form.add_error(None, exc.message)
            status = exc.status
        else:
            request.session[RECEIPT_KEY] = {"number": message.number, "code": code}
            return redirect("interaction:receipt")
    return render(request, "interaction/mailbox.html", {
        "nav": "interaction", "form": form, "crumbs": _crumbs(("厅长信箱", None)),
        "recent": [(m, masking.public_text(m)) for m in selectors.public_messages()[:5]],
    }, status=status)


def receipt(request: HttpRequest) -> HttpResponse:
    """The receipt: number and query code, shown once; the 110 notice when it looks like an emergency."""
    data = request.session.get(RECEIPT_KEY)
    if not data:
        return redirect("interaction:mailbox")
    message = selectors.for_citizen(data["number"], data["code"])
    return render(request, "interaction/receipt.html", {
        "nav": "interaction", "message": message, "code": data["code"],
        "crumbs": _crumbs(("厅长信箱", reverse("interaction:mailbox")), ("提交成功", None)),
    })


def query(request: HttpRequest) -> HttpResponse:
    """Status by number and query code; a wrong code is a 404, like a wrong number. The code travels
    by POST only (never in an address that ends up in logs or the history); wrong codes are limited
    per address and per number (``core.limits``)."""
    form = QueryForm(request.POST if request.method == "POST" else None)
    context = {"nav": "interaction", "form": form,
               "crumbs": _crumbs(("厅长信箱", reverse("interaction:mailbox")), ("办理情况查询", None))}
    if request.method != "POST":
        return render(request, "interaction/query.html", context)
    if not form.is_valid():
        return render(request, "interaction/query.html", context, status=422)
    number, code = form.cleaned_data["number"], form.cleaned_data["code"]
    try:
        message = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, code))
    except NotFound as exc:
        form.add_error(None, exc.message)
        return render(request, "interaction/query.html", context, status=404)
    except limits.TooManyRequests as exc:
        form.add_error(None, exc.message)
        return render(request, "interaction/query.html", context, status=exc.status)
    context.update(_sender_view(message, code))
    return render(request, "interaction/query.html", context)


def _sender_view(message: Message, code: str, rating_form: RatingForm | None = None) -> dict:
    """The sender's page: their message, the answer, the events, and the rating (once answered)."""
    rating = MessageRating.objects.filter(message=message).first()
    may_rate = message.status == Message.ANSWERED and rating is None
    return {"message": message, "events": selectors.citizen_events(message), "rating": rating,
            "rating_form": (rating_form or RatingForm(initial={"number": message.number, "code": code}))
            if may_rate else None}


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """The sender rates the answer (满意 / 基本满意 / 不满意, with a comment), once; the query code
    comes in the POST body like the lookup's."""
    form = RatingForm(request.POST)
    context: dict = {"nav": "interaction", "form": QueryForm(),
                     "crumbs": _crumbs(("厅长信箱", reverse("interaction:mailbox")), ("办理情况查询", None))}
    number, code = request.POST.get("number", ""), request.POST.get("code", "")
    try:
        message = limits.limited_lookup(request, number, lambda: selectors.for_citizen(number, code))
    except NotFound as exc:
        context["form"].add_error(None, exc.message)
        return render(request, "interaction/query.html", context, status=404)
    except limits.TooManyRequests as exc:
        context["form"].add_error(None, exc.message)
        return render(request, "interaction/query.html", context, status=exc.status)
    status = 422
    if form.is_valid():
        try:
            services.do_rate(message, satisfaction=form.cleaned_data["satisfaction"],
                             comment=form.cleaned_data["comment"])
        except InvalidInput as exc:
            for name, text in exc.fields.items():
                form.add_error(name if name in form.fields else None, text)
        except Conflict as exc:
            form.add_error(None, exc.message)
            status = 409
        else:
            status, context["rated"] = 200, True
    context.update(_sender_view(message, code, rating_form=form if status != 200 else None))
    if status == 409:
        context["rating_refused"] = form.non_field_errors()
    return render(request, "interaction/query.html", context, status=status)


def public_list(request: HttpRequest) -> HttpResponse:
    page = selectors.public_page(request.GET.get("page") or 1)
    return render(request, "interaction/public_list.html", {
        "nav": "interaction", "page": page,
        "items": [(m, masking.public_text(m), masking.public_sender(m)) for m in page.object_list],
        "crumbs": _crumbs(("厅长信箱", reverse("interaction:mailbox")), ("信件公开", None)),
    })


def public_detail(request: HttpRequest, number: str) -> HttpResponse:
    message = selectors.public_message(number)
    return render(request, "interaction/public_detail.html", {
        "nav": "interaction", "message": message, "text": masking.public_text(message),
        "sender": masking.public_sender(message),
        "crumbs": _crumbs(("信件公开", reverse("interaction:public")), (message.number, None)),
    })


class PublicFeed(Feed):
    """Atom feed of answered messages shown publicly: masked like the page (Art. 32)."""

    feed_type = Atom1Feed
    title = "厅长信箱·信件公开"
    subtitle = "已答复并公开显示的网民信息（已屏蔽个人隐私信息）"

    def link(self) -> str:
        return reverse("interaction:public")

    def items(self):
        return list(selectors.public_messages()[:50])

    def item_title(self, item) -> str:
        return f"{item.number} {masking.mask_field(item, 'title')}"

    def item_description(self, item) -> str:
        text = masking.public_text(item)
        return f"【{item.kind_label}】{text.body}\n\n【答复】{text.reply}"

    def item_link(self, item) -> str:
        return reverse("interaction:public_detail", args=[item.number])

    def item_pubdate(self, item):
        return item.replied_at

    def item_updateddate(self, item):
        return item.replied_at

    def item_author_name(self, item) -> str:
        return item.department.name if item.department else "公安厅"
