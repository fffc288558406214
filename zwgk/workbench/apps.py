from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "zwgk.workbench"
    label = "workbench"
    verbose_name = "工作台"
    workbench_nav = [
        ("home", "我的待办", "workbench:home", None),
        ("sign_off", "批量审签", "workbench:sign_off", "application.sign_off_any"),
        ("calendar", "节假日安排", "workbench:calendar", None),
        ("departments", "部门与职责", "workbench:departments", "org.view"),
        ("admin", "系统管理", "workbench:admin_staff", "org.manage"),
    ]

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from zwgk.events.models import Event
        from zwgk.workbench.alerts import on_event

        post_save.connect(on_event, sender=Event, dispatch_uid="zwgk.workbench.alerts")
