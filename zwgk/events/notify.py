"""Citizens kept informed: applicants and senders are told by SMS and e-mail when their case is
received, needs a supplement, is extended or paused, and is answered (Art. 15, 18, 31). A text may
quote the event's public note (``{note}``: e.g. who agreed to an extension and until when).

The trigger is the case's event, written by the service that acted (DESIGN.md principle 4), so
that no action can forget to tell the citizen and no service carries sending code: a receiver of
``Event`` rows picks the text (data: ``NotificationText``) for the event and sends it after the
transaction commits — on a Celery worker in production, in-process in the embedded default.
Each attempt is recorded as a ``Notification``; a failed gateway never fails the case's action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.mail import send_mail

from zwgk.core.background import queue_after_commit
from zwgk.events.models import Event, Notification, NotificationText

logger = logging.getLogger(__name__)
QUEUE = "zwgk:events:notify"  # with Celery: the Redis set of events whose citizen is to be told

# (app label, model) -> [(test of the event, text code)]: the moments a citizen is told.
Rule = tuple[Callable[[Event], bool], str]
RULES: dict[tuple[str, str], list[Rule]] = {
    ("applications", "application"): [
        (lambda e: e.action == "submit", "application_received"),
        (lambda e: e.to_state == "awaiting_supplement" and e.from_state != e.to_state, "application_supplement"),
        (lambda e: e.action in ("extend", "approve_extension"), "application_extended"),
        (lambda e: e.action == "consult_third_party", "application_paused"),
        (lambda e: e.to_state == "answered" and e.from_state != e.to_state, "application_answered"),
        (lambda e: e.action == "abandon" and (e.data or {}).get("reason") == "no_supplement",
         "application_abandoned"),
    ],
    ("interaction", "message"): [
        (lambda e: e.action == "submit", "message_received"),
        (lambda e: e.to_state == "answered" and e.from_state != e.to_state, "message_answered"),
    ],
}


def text_for(event: Event) -> str | None:
    rules = RULES.get((event.content_type.app_label, event.content_type.model), [])
    return next((code for test, code in rules if test(event)), None)


def on_event(sender: Any, instance: Event, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """post_save receiver of Event: schedule the citizen's notification after commit."""
    if not created or raw or text_for(instance) is None:
        return
    from zwgk.events.tasks import notify_citizen

    queue_after_commit(notify_citizen, instance.pk, queue=QUEUE, description=f"notification for event {instance.pk}")


def notify_each(event_ids: list[int]) -> tuple[int, list[int]]:
    """Notify for each event on its own: (texts sent, the events that failed and should be tried again)."""
    sent, failed = 0, []
    for event_id in event_ids:
        try:
            sent += len(notify(event_id))
        except Exception:
            logger.exception("notifications for event %s failed", event_id)
            failed.append(event_id)
    return sent, failed


def notify(event_id: int) -> list[Notification]:
    """Send the texts for one event to the case's mobile number and e-mail address (none for an
    event that is not there: its transaction was rolled back after it was gathered, ``batched``)."""
    from zwgk.core.models import current_site
    from zwgk.core.sms import mobile_number, send_sms

    event = Event.objects.select_related("content_type").filter(pk=event_id).first()
    if event is None:
        return []
    code = text_for(event)
    text = NotificationText.objects.filter(pk=code, active=True).first() if code else None
    case = event.content_type.get_object_for_this_type(pk=event.object_id) if text else None
    if text is None or case is None:
        return []
    values = {"site": current_site().name, "number": case.number, "note": event.note if event.public else "",
              "due_on": f"{case.due_on:%Y年%m月%d日}" if getattr(case, "due_on", None) else "（暂停计算）"}
    sent = []
    mobile = mobile_number(getattr(case, "phone", ""))
    if mobile:
        sent.append(_attempt(event, text, Notification.SMS, lambda: send_sms(mobile, text.sms.format(**values))))
    if getattr(case, "email", ""):
        sent.append(_attempt(event, text, Notification.EMAIL, lambda: send_mail(
            text.email_subject.format(**values), text.email_body.format(**values), None, [case.email])))
    return sent


def _attempt(event: Event, text: NotificationText, channel: str, send: Callable[[], Any]) -> Notification:
    try:
        send()
    except Exception as exc:
        logger.warning("sending %s for event %s failed: %s", channel, event.pk, exc)
        return Notification.objects.create(event=event, text=text, channel=channel, status=Notification.FAILED,
                                           error=str(exc)[:1000])
    return Notification.objects.create(event=event, text=text, channel=channel, status=Notification.SENT)
