"""Sending text messages (SMS) to citizens through the office's gateway.

Government offices send SMS through the gateway of their telecom operator or of the province's
unified messaging platform, reached over plain HTTP inside the government network; there is no
well-kept Python library for those (each is a small JSON POST), hence this module. The backend is
a setting, as Django's e-mail backends are:

- ``zwgk.core.sms.FileBackend`` (the embedded default): each message is a JSON line appended to
  ``ZWGK_SMS_DIR/outbox.jsonl``, for a county bureau without a gateway and for developers;
- ``zwgk.core.sms.HttpGatewayBackend``: ``POST ZWGK_SMS_GATEWAY_URL`` with
  ``{"mobile", "text", "sign"}`` and ``Authorization: Bearer ZWGK_SMS_GATEWAY_TOKEN``; any 2xx
  answer is a success.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")


class SmsError(Exception):
    """The gateway refused or could not be reached."""


class SmsBackend(Protocol):
    def send(self, mobile: str, text: str) -> None: ...


def mobile_number(phone: str) -> str | None:
    """The 11-digit mainland mobile number in ``phone``, or None (a landline gets no SMS)."""
    match = MOBILE.match(re.sub(r"[\s\-()]", "", phone or ""))
    return match.group(1) if match else None


class FileBackend:
    def send(self, mobile: str, text: str) -> None:
        folder = Path(settings.ZWGK_SMS_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        line = {"at": timezone.now().isoformat(), "mobile": mobile, "text": text, "sign": settings.ZWGK_SMS_SIGN}
        with (folder / "outbox.jsonl").open("a", encoding="utf-8") as outbox:
            outbox.write(json.dumps(line, ensure_ascii=False) + "\n")


class HttpGatewayBackend:
    def send(self, mobile: str, text: str) -> None:
        body = json.dumps({"mobile": mobile, "text": text, "sign": settings.ZWGK_SMS_SIGN}, ensure_ascii=False)
        request = urllib.request.Request(
            settings.ZWGK_SMS_GATEWAY_URL, data=body.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/json; charset=utf-8",
                     "Authorization": f"Bearer {settings.ZWGK_SMS_GATEWAY_TOKEN}",
                     "User-Agent": "zwgk-sms/1"})
        try:
            with urllib.request.urlopen(request, timeout=settings.ZWGK_SMS_TIMEOUT) as answer:
                if not 200 <= answer.status < 300:
                    raise SmsError(f"gateway answered {answer.status}")
        except OSError as exc:  # URLError and HTTPError are OSErrors
            raise SmsError(str(exc)) from exc


def send_sms(mobile: str, text: str) -> None:
    backend: SmsBackend = import_string(settings.ZWGK_SMS_BACKEND)()
    backend.send(mobile, text)
