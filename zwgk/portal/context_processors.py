from django.http import HttpRequest

from zwgk.core import captcha, limits
from zwgk.core.models import current_site

CARE_COOKIE = "care"


def site(request: HttpRequest) -> dict:
    """The site's furniture for every template, and whether the large-type mode (适老化) is on.
    ``captcha_challenge`` is called only by a public form that includes ``portal/_captcha.html``:
    a new offline challenge when this address submits often (issue 11), else None."""
    return {"site": current_site(), "care_mode": request.COOKIES.get(CARE_COOKIE) == "1",
            "captcha_challenge": lambda: _challenge(request)}


def _challenge(request: HttpRequest) -> captcha.Challenge | None:
    return captcha.new_challenge() if limits.captcha_needed(request) else None
