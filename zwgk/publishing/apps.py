from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "zwgk.publishing"
    label = "publishing"
    verbose_name = "静态发布与网页防篡改"
    workbench_nav = [
        ("publishing", "网页防篡改", "publishing_wb:alerts", "publishing.view_alerts"),
        ("links", "失效链接", "publishing_wb:links", "publishing.view_links"),
    ]

    def ready(self) -> None:
        from zwgk.publishing import hooks, rules, todo  # noqa: F401  (signal receivers, rules, to-do items)
