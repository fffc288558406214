"""Who sees and confirms tamper alerts: the technology bureau (科信局) and the cyber security corps
(网安总队) who run the site's security (Art. 40), and the system administrator."""

from __future__ import annotations

from typing import Any

from zwgk.org.permissions import rule

# The departments a tamper alert goes to (API.md department codes).
ALERT_DEPARTMENTS = ("tech", "cyber")


def receives_alerts(user: Any) -> bool:
    department = getattr(user, "department", None)
    return bool(department and department.code in ALERT_DEPARTMENTS) or user.has_role("sysadmin")


rule("publishing.view_alerts")(lambda user, obj: receives_alerts(user))
rule("publishing.acknowledge_alert")(lambda user, obj: receives_alerts(user))
rule("publishing.view_links")(lambda user, obj: True)
rule("publishing.view_all_links")(
    lambda user, obj: receives_alerts(user) or bool(user.department and user.department.code == "office"))
