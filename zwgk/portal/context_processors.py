from django.http import HttpRequest

from zwgk.core.models import current_site

CARE_COOKIE = "care"


def site(request: HttpRequest) -> dict:
    """The site's furniture for every template, and whether the large-type mode (适老化) is on."""
    return {"site": current_site(), "care_mode": request.COOKIES.get(CARE_COOKIE) == "1"}
