from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "zwgk.security"
    label = "security"
    verbose_name = "安全审计与备份"
    workbench_nav = [("audit", "安全审计", "security:audit", "audit.view")]
