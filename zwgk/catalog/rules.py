"""Who may do what with catalog entries (DESIGN.md "Who may do what"; Art. 4, 25)."""

from __future__ import annotations

from typing import Any

from zwgk.org.permissions import rule


def _own(user: Any, department_id: int | None) -> bool:
    return user.department_id is not None and user.department_id == department_id


@rule("catalog.use")
def _use(user: Any, obj: Any) -> bool:
    return user.has_role("handler", "dept_head", "secrecy") or "catalog.view_all" in user.permission_codes()


@rule("catalog.draft")
def _draft(user: Any, section: Any) -> bool:
    """A handler drafts for the sections the responsibility table gives their department (Art. 25)."""
    if section is None:
        return user.has_role("handler")
    return user.has_role("handler") and _own(user, section.department_id)


@rule("catalog.edit")
def _edit(user: Any, entry: Any) -> bool:
    return user.has_role("handler") and _own(user, entry.department_id)


rule("catalog.submit")(_edit)


@rule("catalog.review")
def _review(user: Any, entry: Any) -> bool:
    """The department head reviews content and secrecy; the secrecy office decides when referred."""
    if entry.status == "secrecy_review":
        return user.has_role("secrecy")
    return user.has_role("dept_head") and _own(user, entry.department_id)


@rule("catalog.publish")
def _publish(user: Any, entry: Any) -> bool:
    return user.has_role("handler", "dept_head") and _own(user, entry.department_id)


@rule("catalog.withdraw")
def _withdraw(user: Any, entry: Any) -> bool:
    return user.has_role("dept_head") and _own(user, entry.department_id)


@rule("catalog.view")
def _view(user: Any, entry: Any) -> bool:
    if "catalog.view_all" in user.permission_codes() or _own(user, entry.department_id):
        return True
    if user.has_role("secrecy"):
        return (entry.status == "secrecy_review" or _awaits_override(entry)
                or entry.ledger.filter(stage__in=["secrecy", "publish"]).exists())
    return False


def _awaits_override(entry: Any) -> bool:
    return entry.status == "approved" and bool(entry.scan_findings)


@rule("catalog.override_scan")
def _override_scan(user: Any, entry: Any) -> bool:
    """Publishing over the pre-publication scan's findings (personal data, sensitive words) is for
    the secrecy office or the office head only, never the drafting department (Art. 4)."""
    return user.has_role("secrecy", "office_head")


@rule("catalog.import")
def _import(user: Any, section: Any) -> bool:
    """Entries published before this system: the office, or a handler of the section's department."""
    return user.has_role("clerk", "office_head") or _draft(user, section)


@rule("catalog.view_all")
def _view_all(user: Any, obj: Any) -> bool:
    return "catalog.view_all" in user.permission_codes()


@rule("catalog.manage_words")
def _manage_words(user: Any, obj: Any) -> bool:
    """The sensitive-word list of the scan (Art. 4) is kept by the office and the secrecy office."""
    return user.has_role("clerk", "office_head", "secrecy")


def _in_department(user: Any, *codes: str) -> bool:
    department = getattr(user, "department", None)
    return department is not None and department.code in codes


@rule("catalog.consult_link")
def _consult_link(user: Any, link: Any) -> bool:
    """网安总队 and 科信局 consult on a link to a site outside party and government domains (Art. 40);
    their heads record the joint opinion."""
    return user.has_role("dept_head") and _in_department(user, "cyber", "tech")


@rule("catalog.approve_link")
def _approve_link(user: Any, link: Any) -> bool:
    """The supervising leader (分管厅领导) approves after the consultation (Art. 40)."""
    return user.has_role("leader")


@rule("catalog.view_links")
def _view_links(user: Any, obj: Any) -> bool:
    """The register of external links: the approvers, the office, and every handler (who asks)."""
    return (_consult_link(user, obj) or _approve_link(user, obj)
            or user.has_role("clerk", "office_head", "handler", "dept_head"))
