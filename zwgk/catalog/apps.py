from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "zwgk.catalog"
    label = "catalog"
    verbose_name = "信息公开目录"
    workbench_nav = [
        ("catalog", "信息发布", "catalog_wb:index", "catalog.use"),
    ]

    def ready(self) -> None:
        from zwgk.catalog import rules, todo  # noqa: F401  (registers permission rules and to-do items)
