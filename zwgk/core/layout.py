"""Chinese line breaking for official documents (GB/T 9704-2012 党政机关公文格式). Pure logic.

reportlab's CJK wrapping lets a line start with a closing mark and leaves a title's last character
alone on its line; an official letter may do neither. Line breaking is therefore done here, on the
document grid (28 characters a line for the body, 20 for a 2号 title), and the PDF draws each line
where this module put it. Widths are in grid cells: a Chinese character or full-width mark is one
cell, an ASCII character half a cell.
"""

from __future__ import annotations

import math

# 行首禁则: marks that never begin a line; 行尾禁则: marks that never end one.
CANNOT_START = frozenset("，。、；：？！”’）》」』】〕〉…—·％‰,.;:?!)]}%")
CANNOT_END = frozenset("“‘（《「『【〔〈([{")
# Terms of the seed that a title never splits, even where the segmenter sees two words.
UNBROKEN_TERMS = ("依申请公开", "政府信息", "信息公开", "转办单", "答复书", "告知书", "公安厅", "年度报告")


def cells(text: str) -> float:
    """The width of ``text`` in grid cells: Latin letters and digits take half a cell; Chinese
    characters and marks, including the curly quotes, dashes and ellipsis that Chinese fonts set
    full width (U+2010–U+206F), take one."""
    return sum(0.5 if ord(char) < 0x2010 or 0x206F < ord(char) < 0x2E80 else 1.0 for char in text)


def break_paragraph(text: str, width: float, *, indent: float = 0) -> list[str]:
    """``text`` as lines of at most ``width`` cells, the first indented by ``indent`` cells (the
    indent is not part of the returned first line). Where a break would start a line with a
    closing mark or end one with an opening mark, the line gives up characters to the next
    (推出法), so no line ever overflows the type area."""
    lines: list[str] = []
    pos, limit = 0, width - indent
    while pos < len(text):
        end, used = pos, 0.0
        while end < len(text) and used + cells(text[end]) <= limit + 1e-9:
            used += cells(text[end])
            end += 1
        end = max(end, pos + 1)
        if end < len(text):
            back = end
            while back - pos > 1 and (text[back] in CANNOT_START or text[back - 1] in CANNOT_END):
                back -= 1
            end = back
        lines.append(text[pos:end])
        pos, limit = end, width
    return lines or [""]


def balance_title(title: str, width: float) -> list[str]:
    """A title in as few lines as fit, of nearly equal length, broken between words (GB/T 9704
    7.3.3: 回行时要做到词意完整，排列对称，长短适宜), so that no line is left with one character.
    Words are jieba's (the segmenter the catalog search already uses)."""
    import jieba

    total = cells(title)
    if total <= width:
        return [title]
    count = math.ceil(total / width)
    inside = {i for term in UNBROKEN_TERMS for found in _occurrences(title, term)
              for i in range(found + 1, found + len(term))}
    bounds, at = [], 0
    for word in jieba.cut(title, HMM=False):
        at += len(word)
        if at not in inside and not (title[at - 1:at].isdigit() and title[at:at + 1] in "年月日"):
            bounds.append(at)
    lines: list[str] = []
    start = 0
    for line_no in range(1, count):
        target = total * line_no / count
        fits = [b for b in bounds if start < b < len(title) and cells(title[start:b]) <= width
                and title[b] not in CANNOT_START and title[b - 1] not in CANNOT_END]
        if not fits:
            return break_paragraph(title, float(math.ceil(total / count)))
        end = min(fits, key=lambda b: (abs(cells(title[:b]) - target), -b))
        lines.append(title[start:end])
        start = end
    lines.append(title[start:])
    if cells(lines[-1]) > width:
        return break_paragraph(title, float(math.ceil(total / count)))
    return lines


def _occurrences(text: str, term: str) -> list[int]:
    found, at = [], text.find(term)
    while at >= 0:
        found.append(at)
        at = text.find(term, at + 1)
    return found
