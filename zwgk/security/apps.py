from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "zwgk.security"
    label = "security"
    verbose_name = "安全审计与备份"
    workbench_nav = [("audit", "安全审计", "security:audit", "audit.view")]

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from zwgk.security import reauth

        user_logged_in.connect(reauth.on_login, dispatch_uid="zwgk.security.reauth.on_login")
