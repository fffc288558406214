from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Only the edited word lists live here (``models``, ``store``); detection and masking stay
    pure Python (``zwgk.privacy.detect``, ``zwgk.privacy.mask``)."""

    name = "zwgk.privacy"
    label = "privacy"
    verbose_name = "个人信息屏蔽词表"

    def ready(self) -> None:
        from zwgk.privacy import store

        store.attach()
