from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "zwgk.events"
    label = "events"
    verbose_name = "事件记录"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from zwgk.events.models import Event
        from zwgk.events.notify import on_event

        post_save.connect(on_event, sender=Event, dispatch_uid="zwgk.events.notify")
