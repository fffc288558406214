from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zwgk.core"
    label = "core"
    verbose_name = "公共组件"

    def ready(self) -> None:
        from zwgk.core import checks  # noqa: F401  (registers the system checks)
