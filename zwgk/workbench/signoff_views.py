"""The signer's batch page (issue 13): every answer awaiting this person's signature in the Art. 20
chain (部门负责人审核 → 厅保密办、法制总队审核 → 办公室核稿 → 分管厅领导审签), each with the
text that will be signed and a link to the letter's PDF preview, signed or returned in one pass.

One POST endpoint: each selected case goes through ``ACTIONS.perform(..., "sign_off", ...)`` on its
own, so a case that is refused (signed by someone else meanwhile, redrafted, no longer this
person's step) does not stop the others; the result page says what happened to each. A
re-check of the password before approvals belongs at the top of ``batch``'s POST branch, once for
the whole batch."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from zwgk.applications import selectors, services
from zwgk.applications.models import Decision, Outcome, Reason, Stage
from zwgk.applications.services import ACTIONS
from zwgk.core.errors import NotFound, ServiceError
from zwgk.core.transitions import TransitionRefused
from zwgk.org.permissions import require
from zwgk.workbench import confirm as confirm_step

MAX_BATCH = 100


def _item(application: Any) -> dict[str, Any]:
    """One answer as the signer reads it: the draft, the letter text it becomes, its fingerprint."""
    answer = services.draft_answer(application)
    letter = services.preview(application)
    return {
        "application": application,
        "stage_label": Stage(application.pending_stage()).label,
        "outcome_label": Outcome(answer["outcome"]).label if answer["outcome"] else "",
        "reason_label": Reason(answer["reason"]).label if answer["reason"] else "",
        "answer": answer,
        "letter": letter,
        "fingerprint": services.fingerprint(answer),
    }


def _page(request: HttpRequest, *, error: str = "", status: int = 200) -> HttpResponse:
    items = [_item(a) for a in selectors.awaiting_signature(request.user)]
    return render(request, "workbench/sign_off.html", {
        "nav": "sign_off", "items": items, "error": error, "today": timezone.localdate(),
        "values": request.POST if request.method == "POST" else {},
        "ticked": set(request.POST.getlist("numbers")) if request.method == "POST" else set(),
    }, status=status)


def _sign_one(request: HttpRequest, number: str, decision: str, comment: str, seen: str) -> tuple[bool, str]:
    """Sign or return one case; (done, what happened) in Chinese."""
    try:
        application = selectors.for_staff(request.user, number)
    except NotFound:
        return False, "未找到该申请。"
    if application.status == application.IN_SIGNOFF and seen != services.fingerprint(
            services.draft_answer(application)):
        return False, "拟答复内容在您审阅后已修改，未审签，请重新审阅。"
    stage = application.pending_stage()
    body = {"on": timezone.localdate().isoformat(), "decision": decision}
    if comment:
        body["comment"] = comment
    try:
        ACTIONS.perform(application, "sign_off", actor=request.user, body=body)
    except (ServiceError, TransitionRefused) as exc:
        return False, exc.message
    label = Stage(stage).label if stage else "审签"
    return True, f"{label}：{'已同意' if decision == Decision.APPROVE else '已退回承办人修改'}。"


@login_required
def batch(request: HttpRequest) -> HttpResponse:
    """GET: the answers awaiting this person's signature with their previews. POST: 同意 or 退回
    (with the reason) for the ticked ones, each case on its own (Art. 20)."""
    require(request.user, "application.sign_off_any")
    if request.method != "POST":
        return _page(request)
    numbers = list(dict.fromkeys(request.POST.getlist("numbers")))[:MAX_BATCH]
    decision = request.POST.get("decision", "")
    comment = request.POST.get("comment", "").strip()
    if decision not in Decision.values:
        return _page(request, error="审签意见：请选择“同意”或“退回”。", status=422)
    if not numbers:
        return _page(request, error="请至少勾选一件待审签的答复。", status=422)
    if decision == Decision.RETURN and not comment:
        return _page(request, error="退回理由：退回时须填写退回理由。", status=422)
    if decision == Decision.APPROVE:  # approving asks for the password again when the check is old (issue 10)
        page = confirm_step.gate(request, action="application.sign_off", needs_password=True,
                                 nav="sign_off", back_url=reverse("workbench:sign_off"))
        if page is not None:
            return page
    results = []
    for number in numbers:
        done, text = _sign_one(request, number, decision, comment, request.POST.get(f"seen-{number}", ""))
        results.append({"number": number, "done": done, "text": text})
    return render(request, "workbench/sign_off_result.html", {
        "nav": "sign_off", "results": results, "decision": decision,
        "done": sum(r["done"] for r in results), "refused": sum(not r["done"] for r in results),
    })
