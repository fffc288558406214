from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "zwgk.workbench"
    label = "workbench"
    verbose_name = "工作台"
