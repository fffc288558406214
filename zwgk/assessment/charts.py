"""Charts of the dashboard drawn on the server as SVG (no script, nothing from a CDN). Readable
without colour: every bar carries its number as text, series differ by fill pattern as well as
colour and are named in a legend; each chart has a title and a description for screen readers,
and the page shows its table beside it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ROW = 24
LABEL_WIDTH = 150
BAR_WIDTH = 300
PATTERNS = """<defs>
<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#f2c7c7"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a00" stroke-width="3"/>
</pattern></defs>"""
FILLS = ["#2b5f9e", "url(#hatch)"]
STROKES = ["#16365c", "#a00"]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the number as printed beside the bar (e.g. "92%" or "3件")


def _frame(title: str, description: str, width: int, height: int, body: str) -> SafeString:
    return mark_safe(  # every text inside is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
        f"<desc>{escape(description)}</desc>{PATTERNS}{body}</svg>"
    )


def bars(title: str, items: list[Bar], *, maximum: float | None = None, series: int = 0) -> SafeString:
    """Horizontal bars, one per row, the number printed at the end of each bar."""
    top = maximum if maximum else max((i.value for i in items), default=0) or 1
    parts = []
    for n, item in enumerate(items):
        y = n * ROW + 4
        length = 0 if top == 0 else round(BAR_WIDTH * item.value / top)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end" font-size="12">{escape(item.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="16" fill="{FILLS[series]}" '
            f'stroke="{STROKES[series]}"/>'
            f'<text x="{LABEL_WIDTH + length + 4}" y="{y + 13}" font-size="12">{escape(item.text)}</text>'
        )
    description = "；".join(f"{i.label}：{i.text}" for i in items)
    return _frame(title, description, LABEL_WIDTH + BAR_WIDTH + 60, len(items) * ROW + 8, "".join(parts))


def grouped_columns(title: str, labels: list[str], series: list[tuple[str, list[int]]]) -> SafeString:
    """Columns per label (e.g. month), one per series side by side with its number above it,
    and a legend naming each series by its pattern."""
    height, base, column = 180, 150, 12
    top = max((v for _, values in series for v in values), default=0) or 1
    group = column * len(series) + 10
    parts = []
    for n, label in enumerate(labels):
        x0 = 30 + n * group
        parts.append(f'<text x="{x0 + group / 2 - 5}" y="{base + 16}" text-anchor="middle" font-size="11">'
                     f"{escape(label)}</text>")
        for s, (_, values) in enumerate(series):
            value = values[n]
            h = round((base - 30) * value / top)
            x = x0 + s * column
            parts.append(f'<rect x="{x}" y="{base - h}" width="{column - 2}" height="{h}" fill="{FILLS[s]}" '
                         f'stroke="{STROKES[s]}"/><text x="{x + column / 2 - 1}" y="{base - h - 3}" '
                         f'text-anchor="middle" font-size="9">{value}</text>')
    for s, (name, _) in enumerate(series):
        x = 30 + s * 150
        parts.append(f'<rect x="{x}" y="{height - 12}" width="12" height="10" fill="{FILLS[s]}" '
                     f'stroke="{STROKES[s]}"/><text x="{x + 16}" y="{height - 3}" font-size="11">{escape(name)}</text>')
    parts.append(f'<line x1="26" y1="{base}" x2="{30 + len(labels) * group}" y2="{base}" stroke="#333"/>')
    description = "；".join(
        f"{name}：" + "，".join(f"{label}{value}" for label, value in zip(labels, values, strict=True))
        for name, values in series
    )
    return _frame(title, description, 40 + len(labels) * group, height, "".join(parts))
