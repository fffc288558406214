"""The seed page's visit counter (“您是第 N 位访问本站的人”) without a database write per visit.

The home page is a static file, the same for every visitor; it shows the counter as an image
(``/visits.svg``, no JavaScript), which Django answers from the cache (Redis in production): a
browser without the ``visitor`` cookie is counted once. The total is written to the site profile
every few minutes (beat task ``portal.save_visits``), from which the cache is seeded again."""

from __future__ import annotations

from celery import shared_task
from django.core.cache import cache

from zwgk.core.models import SiteProfile, current_site

VISITS_KEY = "portal:visits"


def _saved_total() -> int:
    """The total last written to the profile, from the database (the cached profile may lag)."""
    return SiteProfile.objects.order_by("pk").values_list("visits", flat=True).first() or 0


def _seed() -> None:
    cache.add(VISITS_KEY, _saved_total(), None)


def count_visitor() -> int:
    """Count one new visitor; their number."""
    try:
        return cache.incr(VISITS_KEY)
    except ValueError:  # not counted yet (or evicted): start from the saved total
        _seed()
        return cache.incr(VISITS_KEY)


def total() -> int:
    count = cache.get(VISITS_KEY)
    if count is None:
        _seed()
        count = cache.get(VISITS_KEY)
    return int(count or 0)


@shared_task(name="portal.save_visits")
def save_visits() -> int:
    """Write the counted total to the site profile (never lowering it)."""
    count = total()
    SiteProfile.objects.filter(pk=current_site().pk, visits__lt=count).update(visits=count)
    return count
