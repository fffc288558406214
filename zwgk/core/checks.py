"""System checks (``manage.py check``) for what an installation needs outside Python."""

from __future__ import annotations

from typing import Any

from django.core import checks


@checks.register()
def letter_font(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """GB/T 9704 asks for a 宋体/仿宋 face in letters: warn when the PDF falls back to a sans face."""
    from django.conf import settings

    from zwgk.core.documents import DEFAULT_PDF_FONT, pdf_font_file

    path, _ = pdf_font_file()
    if getattr(settings, "ZWGK_LETTER_FONT", "") or path == DEFAULT_PDF_FONT:
        return []
    return [checks.Warning(
        "PDF letters use WenQuanYi Micro Hei (a sans face): install Debian's fonts-arphic-uming for the 宋体 face "
        "of GB/T 9704, or set ZWGK_LETTER_FONT to the office's own TrueType font.",
        id="zwgk.W001",
    )]


@checks.register()
def uploads_outside_the_web_root(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Uploads are stored outside what nginx serves from disk (issue 11): MEDIA_ROOT may not be, or
    be inside, the static tree (ZWGK_SITE_DIR) or STATIC_ROOT, else a hostile file could be served
    by the web server itself, past the checks of the download views."""
    from pathlib import Path

    from django.conf import settings

    media = Path(settings.MEDIA_ROOT).resolve()
    for name in ("ZWGK_SITE_DIR", "STATIC_ROOT"):
        root = getattr(settings, name, None)
        if root and (media == Path(root).resolve() or Path(root).resolve() in media.parents):
            return [checks.Error(f"MEDIA_ROOT ({media}) lies inside {name} ({root}): uploads must be stored "
                                 "outside the web root.", id="zwgk.E011")]
    return []
