"""The annual report follows its catalog entry: the event log is the subscription (DESIGN.md
principle 5), so the publication of an entry of the annual-report section freezes the report's
figures in the same transaction (条例 Art. 49, 50)."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from zwgk.events.models import Event


@receiver(post_save, sender=Event, dispatch_uid="assessment.report_published")
def entry_published(sender, instance: Event, created: bool, **kwargs) -> None:
    if not created or instance.action != "published" or instance.content_type.model != "entry":
        return
    from zwgk.assessment import services
    from zwgk.catalog.models import Entry

    entry = Entry.objects.filter(pk=instance.object_id).first()
    if entry is not None:
        services.freeze_published(entry, actor=instance.actor)
