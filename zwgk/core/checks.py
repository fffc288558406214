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
