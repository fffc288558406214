from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "zwgk.org"
    label = "org"
    verbose_name = "部门与人员"

    def ready(self) -> None:
        from zwgk.org import permissions  # noqa: F401  (registers the base rules)
