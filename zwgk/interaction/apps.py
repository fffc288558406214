from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "zwgk.interaction"
    label = "interaction"
    verbose_name = "警民互动"
    workbench_nav = [
        ("messages", "网民信息", "interaction_wb:queue", "message.use"),
    ]

    def ready(self) -> None:
        from zwgk.interaction import rules, todo  # noqa: F401  (registers permission rules and to-do items)
