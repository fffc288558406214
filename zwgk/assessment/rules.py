"""Who may read the annual report and the assessment (DESIGN.md "Who may do what"; Art. 42, 43).

The annual report is compiled by the disclosure office and read by leaders and the inspection
corps (``report.view``); the assessment is for the office head, the inspection corps and leaders
(``assessment.view``): a handler asking for it gets 403 (API.md "Assessment")."""

from __future__ import annotations

from typing import Any

from zwgk.org.permissions import has_permission_code, rule

rule("application.report")(has_permission_code("report.view"))
rule("assessment.view")(has_permission_code("assessment.view"))
# Art. 43: the inspection corps keeps accountability cases; leaders read them (codes seeded as data).
rule("accountability.manage")(has_permission_code("accountability.manage"))
rule("accountability.view")(has_permission_code("accountability.view"))
PERSONNEL = "personnel"  # 人训处: keeps the officers' dishonesty records (Art. 22)


@rule("integrity.manage")
def _integrity_manage(user: Any, obj: Any) -> bool:
    """Art. 22: the personnel and training office (人训部门) records officers' dishonesty."""
    return user.department is not None and user.department.code == PERSONNEL and user.has_role(
        "handler", "dept_head")


@rule("integrity.view")
def _integrity_view(user: Any, obj: Any) -> bool:
    return _integrity_manage(user, obj) or "accountability.view" in user.permission_codes()


@rule("application.report_figures")
def _report_figures(user: Any, obj: Any) -> bool:
    """The disclosure office compiles the annual report and enters the figures other systems hold."""
    return {"report.view", "application.register"} <= user.permission_codes()


@rule("assessment.department")
def _department(user: Any, department: Any) -> bool:
    """A department's own view: whoever reads the assessment, and the department's own head."""
    if "assessment.view" in user.permission_codes():
        return True
    return department is not None and user.has_role("dept_head") and user.department_id == department.pk


@rule("assessment.use")
def _use(user: Any, obj: Any) -> bool:
    """Whether the assessment menu is shown: readers of the assessment and department heads."""
    return "assessment.view" in user.permission_codes() or user.has_role("dept_head")


@rule("report.publish")
def _report_publish(user: Any, obj: Any) -> bool:
    """The head of the disclosure office publishes the annual report: the office member who also
    reads the assessment (roles as data: ``office_head``)."""
    return {"report.view", "assessment.view", "application.register"} <= user.permission_codes()
