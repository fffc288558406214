"""The digit-run scanner shared by the number detectors (identity numbers, bank cards, phones).

People write one number in several groups (138 1234 5678, 640105 19800101 1231); a run of digit
groups is cut into the numbers it holds by trying the usual group-length patterns, longest first.
Each candidate number is offered to the classifiers of :mod:`.ids`, :mod:`.accounts` and
:mod:`.phones` in that order; the first that claims it gives its kind ("" for a public number,
which is consumed but not reported).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from zwgk.privacy.detect import accounts, ids, phones
from zwgk.privacy.detect.base import Context, Span, is_ascii_letter

_RUN = re.compile(r"[0-9]+[Xx]?(?:[ \-][0-9]+[Xx]?)*")
_GROUP = re.compile(r"[0-9]+[Xx]?")
# Group-length patterns in which people write one number in several groups.
_SPLITS: frozenset[tuple[int, ...]] = frozenset(
    {
        # mobiles, with and without the country code
        (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (2, 11), (2, 3, 4, 4), (4, 11), (4, 3, 4, 4),
        # landlines: area code + local number
        (3, 7), (3, 8), (4, 7), (4, 8), (3, 4, 4), (4, 3, 4), (4, 4, 4), (4, 4, 3), (3, 3, 4),
        # identity numbers
        (6, 8, 4), (6, 4, 4, 4), (4, 4, 4, 4, 2), (6, 8, 3, 1),
        # bank cards
        (4, 4, 4, 4), (4, 4, 4, 4, 1), (4, 4, 4, 4, 2), (4, 4, 4, 4, 3), (6, 13), (4, 4, 4, 7), (6, 10),
    }
)

# (digits, text, start, end, grouped, glued) -> kind, "" for a public number, None when not claimed
Classifier = Callable[[str, str, int, int, bool, bool], "str | None"]
CLASSIFIERS: tuple[Classifier, ...] = (ids.classify_number, accounts.classify_number, phones.classify_number)


def _classify(digits: str, text: str, start: int, end: int, grouped: bool) -> str | None:
    if "X" in digits.upper()[:-1]:
        return None
    glued = (start > 0 and is_ascii_letter(text[start - 1])) or (end < len(text) and is_ascii_letter(text[end]))
    for classify in CLASSIFIERS:
        kind = classify(digits, text, start, end, grouped, glued)
        if kind is not None:
            return kind
    return None


def detect(text: str, context: Context) -> list[Span]:
    """Identity numbers, bank cards, mobiles and landlines written as digit runs."""
    found = phones.parenthesised_landlines(text)
    for run in _RUN.finditer(text):
        groups = list(_GROUP.finditer(text, run.start(), run.end()))
        i = 0
        while i < len(groups):
            for k in range(min(5, len(groups) - i), 0, -1):
                part = groups[i : i + k]
                if k > 1 and tuple(len(g.group()) for g in part) not in _SPLITS:
                    continue
                start, end = part[0].start(), part[-1].end()
                digits = "".join(g.group() for g in part)
                kind = _classify(digits, text, start, end, grouped=k > 1)
                if kind is None and digits[-1] in "Xx" and len(digits) > 1:
                    # the X belongs to the following word, not to the number (13812345678X光片)
                    digits, end = digits[:-1], end - 1
                    kind = _classify(digits, text, start, end, grouped=k > 1)
                if kind is None:
                    continue
                if kind:
                    if kind == "mobile" and digits.startswith(("86", "0086")) and start > 0 and text[start - 1] == "+":
                        start -= 1
                    found.append(Span.of(kind, start, end))
                i += k
                break
            else:
                i += 1
    return found
