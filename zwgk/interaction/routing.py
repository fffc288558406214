"""Routing by responsibility (业务归口, Art. 29, annex 4) and the word lists of the intake (Art. 34, 35).

The office routes every message; this module only suggests: it segments the message (jieba) and
matches the keywords of ``org.MessageRoute`` rows of the message's kind (or of every kind).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zwgk.core.compiled import CompiledQuery
from zwgk.interaction.models import WordList
from zwgk.org.models import OFFICE, Department, MessageRoute

# Read on every message (compiled once, ``core.compiled``: issue 11, the intake's rate).
_WORD_LISTS = CompiledQuery(lambda: WordList.objects.all())
_ROUTES = CompiledQuery(lambda: MessageRoute.objects.select_related("department").filter(department__active=True))

CYBER, INSPECTION = "cyber", "inspection"


def segment(text: str) -> set[str]:
    import jieba

    return {w.strip() for w in jieba.lcut(text) if w.strip()}


def word_lists() -> dict[str, list[str]]:
    return {w.kind: w.word_list() for w in _WORD_LISTS()}


def find_words(text: str, words: list[str]) -> list[str]:
    """The listed words found in ``text`` (substring match: Chinese has no spaces)."""
    return [w for w in words if w and w in text]


def flags_for(text: str, lists: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Which word lists the text touches: {kind: [words found]}, only non-empty ones."""
    lists = word_lists() if lists is None else lists
    found = {kind: find_words(text, words) for kind, words in lists.items()}
    return {kind: words for kind, words in found.items() if words}


@dataclass
class Suggestion:
    department: Department | None
    reason: str
    matched: list[str] = field(default_factory=list)


def _department(code: str) -> Department | None:
    return Department.objects.filter(code=code, active=True).first()


def suggest(kind: str, title: str, body: str, flags: dict[str, list[str]] | None = None) -> Suggestion:
    """The department that owns the message's business, and why.

    Illegal or hostile content goes to the cyber security corps and complaints about the police to
    the inspection corps (Art. 35); otherwise the best-matching row of the responsibility table
    (most keywords found, then the table's priority); with no match, the office itself.
    """
    text = f"{title}\n{body}"
    flags = flags_for(text) if flags is None else flags
    if flags.get(WordList.HOSTILE) and (dept := _department(CYBER)):
        return Suggestion(dept, "含违法有害信息，通报网安部门（第三十五条）", flags[WordList.HOSTILE])
    if kind == "complaint" and flags.get(WordList.POLICE) and (dept := _department(INSPECTION)):
        return Suggestion(dept, "涉警投诉，由督察部门办理（第三十五条）", flags[WordList.POLICE])
    words = segment(text)
    best: tuple[int, int, MessageRoute, list[str]] | None = None
    for route in _ROUTES():
        if route.kind and route.kind != kind:
            continue
        hits = [k for k in route.keyword_list() if k in words or k in text]
        if not hits:
            continue
        # jieba-segmented whole-word hits weigh double; a kind-specific row wins a tie.
        score = sum(2 if k in words else 1 for k in hits) + (1 if route.kind else 0)
        key = (score, -route.priority)
        if best is None or key > (best[0], best[1]):
            best = (score, -route.priority, route, hits)
    if best is not None:
        route, hits = best[2], best[3]
        return Suggestion(route.department, f"归口事项“{route.matter}”：{'、'.join(hits)}", hits)
    return Suggestion(_department(OFFICE), "未匹配归口规则，由办公室研究分办", [])
