from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "zwgk.workdays"
    label = "workdays"
    verbose_name = "工作日与时限"
