"""Recall and precision of the private-data detector (Art. 32), per kind, on two corpora.

* ``bench/privacy_corpus.jsonl`` — ~300 hand-written messages (``privacy_corpus_build.py``);
* a generated corpus of 2,400 messages and catalog paragraphs with hard negatives
  (``privacy_corpus_gen.py``, built in memory with a fixed seed).

A finding counts as correct when it overlaps a marked item of the same kind; an item counts as
found when a finding of its kind overlaps it.  For addresses the marked text is the part to hide.
The masked text of every message is also checked: no marked identity number, mobile or landline
number may survive masking.

Exits non-zero when, on either corpus, recall of resident_id, suspected_id, mobile or landline is
below 100 %, or recall of name or address below 95 %, or anything leaks through masking.  Also
reports the time per message of detection and of masking (masking runs the detector to a fixed
point, so it costs a few detections).

Run: ``.venv/bin/python bench/privacy_recall.py [-v]`` (-v lists misses and false positives)
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.privacy_corpus_gen import build  # noqa: E402
from zwgk.privacy.detect import KINDS, Finding, find_private_data  # noqa: E402
from zwgk.privacy.mask import mask_text  # noqa: E402

CORPUS = ROOT / "bench" / "privacy_corpus.jsonl"
TARGETS = {"resident_id": 1.0, "suspected_id": 1.0, "mobile": 1.0, "landline": 1.0, "name": 0.95, "address": 0.95}
NO_LEAK_KINDS = {"resident_id", "suspected_id", "mobile", "landline", "bank_card", "passport", "qq", "wechat"}


def _span(record_text: str, item: dict[str, object]) -> tuple[int, int]:
    text = str(item["text"])
    start = item.get("start")
    if not isinstance(start, int):
        start = record_text.index(text)
    if record_text[start : start + len(text)] != text:
        raise ValueError(f"marked text {text!r} not at {start}")
    return start, start + len(text)


class Tally:
    """Counts for one table: marked items found, findings reported and correct, per kind."""

    def __init__(self) -> None:
        self.items: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.reported: Counter[str] = Counter()
        self.correct: Counter[str] = Counter()
        self.messages = 0

    def add(self, text: str, marked: list[tuple[str, int, int]], findings: list[Finding], verbose: bool) -> None:
        self.messages += 1
        for kind, start, end in marked:
            self.items[kind] += 1
            if any(f.kind == kind and f.start < end and start < f.end for f in findings):
                self.found[kind] += 1
            elif verbose:
                print(f"MISS {kind:11} {text[start:end]!r:24} in {text[max(0, start - 15) : end + 15]!r}")
        for f in findings:
            self.reported[f.kind] += 1
            if any(kind == f.kind and f.start < end and start < f.end for kind, start, end in marked):
                self.correct[f.kind] += 1
            elif verbose:
                print(f"FP   {f.kind:11} {f.text!r:24} in {text[max(0, f.start - 15) : f.end + 15]!r}")

    def print_table(self, title: str, *, targets: bool) -> bool:
        """Print the table; True when a recall target is missed."""
        print(f"\n{title}: {self.messages} messages, {sum(self.items.values())} marked items")
        print(f"{'kind':<12}{'items':>7}{'found':>7}{'recall':>9}{'reported':>10}{'correct':>9}{'precision':>11}")
        failed = False
        kinds = [*KINDS, *sorted((set(self.items) | set(self.reported)) - set(KINDS))]
        for kind in kinds:
            if not self.items[kind] and not self.reported[kind]:
                continue
            items, found = self.items[kind], self.found[kind]
            reported, correct = self.reported[kind], self.correct[kind]
            recall = found / items if items else 1.0
            precision = correct / reported if reported else 1.0
            target = TARGETS.get(kind) if targets else None
            flag = ""
            if target is not None and recall < target:
                flag = f"  < target {target:.0%}"
                failed = True
            print(f"{kind:<12}{items:>7}{found:>7}{recall:>9.1%}{reported:>10}{correct:>9}{precision:>11.1%}{flag}")
        items, found = sum(self.items.values()), sum(self.found.values())
        reported, correct = sum(self.reported.values()), sum(self.correct.values())
        print(
            f"{'all':<12}{items:>7}{found:>7}{found / items:>9.1%}{reported:>10}{correct:>9}"
            f"{correct / reported:>11.1%}"
        )
        return failed


def _run(name: str, records: list[dict[str, object]], verbose: bool) -> bool:
    """Bench one corpus; True when a target is missed or a number leaks through masking."""
    everything, holdout = Tally(), Tally()
    leaks: list[str] = []
    detecting = masking = 0.0
    for record in records:
        text = str(record["text"])
        marked = [(item["kind"], *_span(text, item)) for item in record["private"]]  # type: ignore[union-attr]
        t0 = time.perf_counter()
        findings = find_private_data(text)
        t1 = time.perf_counter()
        masked = mask_text(text)
        masking += time.perf_counter() - t1
        detecting += t1 - t0
        everything.add(text, marked, findings, verbose)
        if record.get("holdout"):
            holdout.add(text, marked, findings, verbose=False)
        for kind, start, end in marked:
            if kind in NO_LEAK_KINDS and text[start:end] in masked:
                leaks.append(f"{kind} {text[start:end]}")
    n = everything.messages
    print(f"\n=== {name}")
    print(f"detection: {detecting * 1000 / n:.2f} ms per message; masking: {masking * 1000 / n:.2f} ms per message")
    failed = everything.print_table("whole corpus (targets apply)", targets=True)
    if holdout.messages:
        holdout.print_table("held-out part only (written after tuning; for information)", targets=False)
    if leaks:
        print(f"\nLEAKED through masking: {leaks[:20]} ({len(leaks)} in all)")
        return True
    print("\nmasking: no marked identity, phone, card, passport or account number survives in the masked text")
    return failed


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    written = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    failed = _run(f"hand-written corpus ({CORPUS.name})", written, verbose)
    failed = _run("generated corpus (privacy_corpus_gen.py, seed fixed)", build(), verbose) or failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
