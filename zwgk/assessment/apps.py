from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "zwgk.assessment"
    label = "assessment"
    verbose_name = "考核评估与年度报告"
    workbench_nav = [
        ("annual_report", "年度报告", "assessment_wb:report", "application.report"),
        ("assessment", "考核评估", "assessment_wb:dashboard", "assessment.use"),
    ]

    def ready(self) -> None:
        from zwgk.assessment import events, rules  # noqa: F401  (registers event names and permission rules)
