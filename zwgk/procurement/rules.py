"""Who keeps procurement (Art. 23): the logistics department (警保部, code ``logistics``); its
handlers record the stages (and draft their catalog entries, Art. 25); its head, the disclosure
office, the inspection corps and leaders read."""

from __future__ import annotations

from typing import Any

from zwgk.org.permissions import rule

LOGISTICS = "logistics"


def _logistics(user: Any) -> bool:
    return user.department is not None and user.department.code == LOGISTICS


@rule("procurement.manage")
def _manage(user: Any, obj: Any) -> bool:
    return _logistics(user) and user.has_role("handler")


@rule("procurement.view")
def _view(user: Any, obj: Any) -> bool:
    return _logistics(user) or bool({"assessment.view", "accountability.view"} & user.permission_codes())
