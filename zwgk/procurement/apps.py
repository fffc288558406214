from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "zwgk.procurement"
    label = "procurement"
    verbose_name = "政府采购与招标投标"
    workbench_nav = [
        ("procurement", "政府采购", "procurement_wb:projects", "procurement.view"),
    ]

    def ready(self) -> None:
        from zwgk.procurement import rules, services  # noqa: F401  (rules, event names)
