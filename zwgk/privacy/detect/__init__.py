"""Find personal data in citizens' letters and in replies before they are shown publicly.

Art. 32 requires that a reply shown on the portal has the writer's and third parties' private data
masked: names, identity numbers, phone numbers, home addresses, health status.  Staff review the
result, so the detector leans towards finding too much rather than too little, but it must not
turn ordinary words into "names" or every street into a "home address", or masked replies become
unreadable.  Everything is rule-based and deterministic (no model, no network): the same letter is
always masked the same way, which the audit trail relies on.

One module per detector, each ``detect(text, context) -> list[Span]`` (see :mod:`.base`):

* :mod:`.numbers` — digit runs, classified by :mod:`.ids` (identity numbers), :mod:`.accounts`
  (bank cards) and :mod:`.phones` (mobiles, landlines; office numbers are public);
* :mod:`.ids` — passport numbers; :mod:`.accounts` — e-mail addresses, WeChat ids, QQ numbers;
* :mod:`.plates` — licence plates;
* :mod:`.addresses` — home addresses; :mod:`.health` — health information;
* :mod:`.names` — personal names, run last, never inside what the others found.

Word lists are data in ``zwgk/privacy/data/`` (:mod:`.lexicon` reads each once).  Full-width
digits and letters are folded before matching (index-preserving), so ``１３８…`` is found as
well; findings always carry the original text.
"""

from __future__ import annotations

from collections.abc import Iterable

from zwgk.privacy.detect import accounts, addresses, health, ids, lexicon, names, numbers, plates
from zwgk.privacy.detect.base import (
    KIND_LABELS,
    KINDS,
    NUMBER_KINDS,
    Context,
    Detector,
    Finding,
    Span,
    fold,
    mark,
    resolve,
)
from zwgk.privacy.detect.lexicon import load_health_terms, split_surname

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "NUMBER_KINDS",
    "Finding",
    "find_numbers",
    "find_private_data",
    "load_health_terms",
    "split_surname",
]

# Run in this order; names come last and never inside what these found.
DETECTORS: tuple[Detector, ...] = (
    accounts.detect_emails,
    numbers.detect,
    ids.detect_passports,
    accounts.detect_messaging,
    plates.detect,
    addresses.detect,
    health.detect,
    health.detect_phrases,
)


def _findings(text: str, spans: list[Span]) -> list[Finding]:
    return [Finding(s.kind, s.start, s.end, text[s.start : s.end]) for s in resolve(spans, len(text))]


def find_private_data(
    text: str,
    *,
    health_terms: Iterable[str] | None = None,
    extra_names: Iterable[str] = (),
    cued_names_only: bool = False,
) -> list[Finding]:
    """All private data in ``text`` (Art. 32), sorted by position and never overlapping.

    ``health_terms`` replaces the default list of ``data/health_terms.txt`` (lines starting with
    ``!`` are exception phrases); ``extra_names`` are names staff know must be masked wherever they
    occur (e.g. the sender's name taken from the form; names shorter than two characters are ignored).
    ``cued_names_only`` reports only names that a context word introduces (举报人, 我叫, 先生 ...),
    not the bare three-character names between function words: the pre-publication scan of
    official documents uses it, where a name without a cue is rarely a citizen's.
    """
    lexicon.refresh()
    folded = fold(text)
    context = Context(
        health_terms=load_health_terms() if health_terms is None else tuple(health_terms),
        extra_names=tuple(extra_names),
        cued_names_only=cued_names_only,
        blocked=bytearray(len(text)),
    )
    spans: list[Span] = []
    for detect in DETECTORS:
        spans += detect(folded, context)
    mark(context.blocked, spans)
    spans += names.detect(folded, context)
    return _findings(text, spans)


def find_numbers(text: str) -> list[Finding]:
    """Only the numbers of :data:`NUMBER_KINDS` in ``text``, sorted and never overlapping.

    For the pre-publication scan of long documents (Art. 4): no name, address or health detection.
    """
    lexicon.refresh()
    folded = fold(text)
    return _findings(text, numbers.detect(folded, Context(health_terms=())))
