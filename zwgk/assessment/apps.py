from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "zwgk.assessment"
    label = "assessment"
    verbose_name = "考核评估与年度报告"
    workbench_nav = [
        ("annual_report", "年度报告", "assessment_wb:report", "application.report"),
        ("assessment", "考核评估", "assessment_wb:dashboard", "assessment.use"),
        ("accountability", "责任追究", "assessment_wb:accountability", "accountability.view"),
        ("integrity", "政务失信记录", "assessment_wb:dishonesty", "integrity.view"),
        ("honours", "评先评优资格", "assessment_wb:honours", "integrity.view"),
    ]

    def ready(self) -> None:
        from zwgk.assessment import accountability, events, hooks, integrity, rules  # noqa: F401  (names, rules)
