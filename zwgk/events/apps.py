from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "zwgk.events"
    label = "events"
    verbose_name = "事件记录"
