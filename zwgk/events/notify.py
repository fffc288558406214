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
from collections import defaultdict
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail

from zwgk.core.background import queue_after_commit
from zwgk.events.models import Event, Notification, NotificationText

logger = logging.getLogger(__name__)
QUEUE = "zwgk:events:notify"  # with Celery: the Redis set of events whose citizen is to be told
# An event this old without a notification record lost its place in the queue (``missed_events``):
# well past the queue's run a second after the commit and its five retries a minute apart.
MISSED_AFTER = timedelta(minutes=30)
MISSED_WITHIN = timedelta(days=2)
CHUNK = 100

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
    """Notify for each event on its own: (texts sent, the events that failed and should be tried again).
    A channel already recorded for an event is not used again (the event came back through
    ``missed_events`` or a second delivery of the task); what is recorded is read a hundred events
    at a time, just before they are sent."""
    sent, failed = 0, []
    for start in range(0, len(event_ids), CHUNK):
        chunk = event_ids[start:start + CHUNK]
        recorded: dict[int, set[str]] = defaultdict(set)
        for event_id, channel in Notification.objects.filter(event_id__in=chunk).values_list("event_id", "channel"):
            recorded[event_id].add(channel)
        for event_id in chunk:
            try:
                sent += len(notify(event_id, recorded[event_id]))
            except Exception:
                logger.exception("notifications for event %s failed", event_id)
                failed.append(event_id)
    return sent, failed


def missed_events(now: datetime) -> list[int]:
    """The events of the last two days that were to tell a citizen and have no notification record
    half an hour on: their id never reached the queue or left it unsent (Redis keeps the queue in
    memory only and lost it in a restart; the application server was killed between the commit and
    the insertion). The periodic ``events.notify_missed`` sends them. An event with no text or no
    contact to tell is looked at again by each run of the two days: a handful a day."""
    types = [ContentType.objects.get_by_natural_key(app, model).pk for app, model in RULES]
    candidates = (Event.objects.filter(content_type_id__in=types, at__gte=now - MISSED_WITHIN,
                                       at__lte=now - MISSED_AFTER, notifications__isnull=True)
                  .select_related("content_type").order_by("pk"))
    return [event.pk for event in candidates.iterator() if text_for(event)]


def notify(event_id: int, recorded: Collection[str]) -> list[Notification]:
    """Send the texts for one event to the case's mobile number and e-mail address, except by the
    channels in ``recorded`` (none for an event that is not there: its transaction was rolled back
    after it was gathered, ``batched``)."""
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
    if mobile and Notification.SMS not in recorded:
        sent.append(_attempt(event, text, Notification.SMS, lambda: send_sms(mobile, text.sms.format(**values))))
    if getattr(case, "email", "") and Notification.EMAIL not in recorded:
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
