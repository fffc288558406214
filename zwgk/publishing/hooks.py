"""Re-render what a change shows, once its transaction commits, on a Celery task (at once in the
embedded default). The event log is the subscription: every publication, withdrawal, validity
change and mailbox decision is an event (DESIGN.md principle 5); the site profile and a section's
name are plain data, so they hook their own saves."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from zwgk.catalog.models import Section
from zwgk.core.models import SiteProfile
from zwgk.events.models import Event

# Entry events that change what a public page shows.
ENTRY_ACTIONS = frozenset({"published", "withdrawn", "validity_changed", "imported"})
# Message events before any reply exists: they never change a public page (and intake stays fast).
MESSAGE_INTAKE_ACTIONS = frozenset({"submit", "emergency_flagged", "route", "triage"})
# Dishonesty-record events that change the portal's public list (Art. 22).
DISHONESTY_ACTIONS = frozenset({"publish", "withdraw"})


def _later(task, *args) -> None:
    if settings.ZWGK_PUBLISH_ON_CHANGE:
        transaction.on_commit(lambda: task.delay(*args))


@receiver(post_save, sender=Event, dispatch_uid="publishing.event")
def event_saved(sender, instance: Event, created: bool, **kwargs) -> None:
    from zwgk.publishing import tasks

    model = instance.content_type.model
    if (model == "entry" and instance.action in ENTRY_ACTIONS) or (
            model == "message" and instance.action not in MESSAGE_INTAKE_ACTIONS) or (
            model == "dishonestyrecord" and instance.action in DISHONESTY_ACTIONS):
        _later(tasks.publish_changed, model, instance.object_id)
        if model == "entry":
            _later(tasks.publish_sitemaps, instance.object_id)


@receiver(post_save, sender=SiteProfile, dispatch_uid="publishing.site")
def site_saved(sender, instance: SiteProfile, **kwargs) -> None:
    from zwgk.publishing import tasks

    _later(tasks.publish_site_task)


@receiver(post_save, sender=Section, dispatch_uid="publishing.section")
def section_saved(sender, instance: Section, created: bool, **kwargs) -> None:
    from zwgk.publishing import tasks

    _later(tasks.publish_changed, "section", str(instance.pk))
