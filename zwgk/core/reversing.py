"""``reverse`` remembered. A URL depends only on the URLconf (code), the script prefix and the
language, never on data: the answer for the same view name and arguments is reused for the life
of the process (the key holds all three, and a changed setting empties it). For hot paths: the
entry page's breadcrumb and section link, rendered a million times by the static tree."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=4096)
def _reverse(viewname: str, args: tuple[str | int, ...], urlconf: str, prefix: str, language: str | None) -> str:
    return reverse(viewname, urlconf=urlconf, args=args)


def cached_reverse(viewname: str, *args: str | int) -> str:
    """``reverse(viewname, args=args)``, computed once per URLconf, script prefix and language."""
    return _reverse(viewname, args, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    _reverse.cache_clear()
