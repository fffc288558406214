"""The portal-reachability probe (国办秘函〔2019〕19号 单项否决 "网站不能访问"): fetch the public
address; a page that fails or takes 15 seconds or more counts as a failure. Run on a schedule
(Celery beat ``assessment.probe_portal``, or ``manage.py probe_portal``); the share of failures
over the window of the ``portal_unreachable`` rule feeds the vetoes."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone

from zwgk.assessment.models import ProbeResult

LIMIT_SECONDS = 15


def probe(url: str | None = None) -> ProbeResult | None:
    """Probe ``url`` (default: the ZWGK_PORTAL_URL setting) once and keep the result; None when no
    public address is configured."""
    url = url or settings.ZWGK_PORTAL_URL
    if not url:
        return None
    started = time.monotonic()
    status, error = None, ""
    try:
        with urllib.request.urlopen(url, timeout=LIMIT_SECONDS) as response:
            response.read(1024 * 1024)
            status = response.status
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        error = str(getattr(exc, "reason", exc))[:300]
    seconds = time.monotonic() - started
    ok = status is not None and 200 <= status < 400 and seconds < LIMIT_SECONDS
    if ok is False and not error:
        error = f"用时{seconds:.1f}秒" if seconds >= LIMIT_SECONDS else f"HTTP {status}"
    return ProbeResult.objects.create(at=timezone.now(), url=url, status=status, seconds=round(seconds, 3), ok=ok,
                                      error=error)
