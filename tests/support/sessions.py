"""A workbench session for tests: logged in, with the last password check some minutes ago."""

from __future__ import annotations

import time
from typing import Any

from django.test import Client

from zwgk.security.reauth import CHECKED


def logged_in(user: Any, *, checked_minutes_ago: int = 0) -> Client:
    client = Client()
    client.force_login(user)
    if checked_minutes_ago:
        session = client.session
        session[CHECKED] = int(time.time()) - checked_minutes_ago * 60
        session.save()
    return client
