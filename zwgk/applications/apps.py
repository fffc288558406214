from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "zwgk.applications"
    label = "applications"
    verbose_name = "依申请公开"
    workbench_nav = [
        ("applications", "依申请公开", "applications_wb:queue", "application.use"),
    ]

    def ready(self) -> None:
        from zwgk.applications import rules, todo  # noqa: F401  (registers permission rules and to-do items)
