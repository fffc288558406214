"""Build bench/privacy_corpus.jsonl from the hand-written messages in bench/privacy_corpus_src.txt.

The messages are written by hand; only the numbers are generated here, so that every identity
number carries a correct GB 11643-1999 check character (or, for ``{idbad}``, a deliberately wrong
one) and every bank card passes Luhn.  The seed is fixed: rebuilding gives the same file.
Lines after the ``# @holdout`` marker get ``"holdout": true``: they were written after the detector
was tuned, and the bench reports them separately.

Run: ``.venv/bin/python bench/privacy_corpus_build.py``
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zwgk.privacy.ids import luhn_valid, resident_id_check_char  # noqa: E402

SRC = ROOT / "bench" / "privacy_corpus_src.txt"
OUT = ROOT / "bench" / "privacy_corpus.jsonl"
KINDS = {
    "name", "address", "health", "plate", "email", "mobile", "landline", "bank_card", "resident_id", "suspected_id",
    "passport", "wechat", "qq",
}
# County-level codes of Ningxia plus a few from neighbouring provinces (people move).
REGIONS = [
    "640104", "640105", "640106", "640121", "640122", "640181", "640202", "640205", "640221",
    "640302", "640303", "640323", "640324", "640381", "640402", "640422", "640423", "640424",
    "640425", "640502", "640521", "640522", "620102", "610113", "150102", "410105",
]
MARKUP = re.compile(r"\{([a-z_\-0-9]+)(?::([^{}]+))?\}")


def _birth(rng: random.Random, first: int = 1935, last: int = 2012) -> date:
    start = date(first, 1, 1)
    return start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days))


def _id17(rng: random.Random) -> str:
    return rng.choice(REGIONS) + _birth(rng).strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"


def resident_id(rng: random.Random, *, want_x: bool = False) -> str:
    while True:
        first = _id17(rng)
        check = resident_id_check_char(first)
        if check == "X" or not want_x:
            return first + check


def bad_resident_id(rng: random.Random) -> str:
    first = _id17(rng)
    good = resident_id_check_char(first)
    return first + rng.choice([c for c in "0123456789" if c != good])


def old_resident_id(rng: random.Random) -> str:
    return rng.choice(REGIONS) + _birth(rng, 1935, 1985).strftime("%y%m%d") + f"{rng.randrange(1000):03d}"


def mobile(rng: random.Random) -> str:
    prefix = rng.choice(["133", "135", "138", "139", "150", "151", "152", "155", "158", "159",
                         "173", "177", "180", "182", "186", "187", "189", "191", "199"])
    return prefix + "".join(str(rng.randrange(10)) for _ in range(8))


def bank_card(rng: random.Random, length: int) -> str:
    body = rng.choice(["622202", "622848", "621700", "622588", "623058", "621226"])
    body += "".join(str(rng.randrange(10)) for _ in range(length - len(body) - 1))
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


def generate(token: str, rng: random.Random) -> tuple[str, str]:
    if token == "id":
        return "resident_id", resident_id(rng)
    if token == "idx":
        return "resident_id", resident_id(rng, want_x=True)
    if token == "idbad":
        return "suspected_id", bad_resident_id(rng)
    if token == "id15":
        return "resident_id", old_resident_id(rng)
    if token == "idsp":
        number = resident_id(rng)
        return "resident_id", f"{number[:6]} {number[6:14]} {number[14:]}"
    if token == "mobile":
        return "mobile", mobile(rng)
    if token == "mobile-":
        number = mobile(rng)
        return "mobile", f"{number[:3]}-{number[3:7]}-{number[7:]}"
    if token == "card":
        return "bank_card", bank_card(rng, 19)
    if token == "card4":
        number = bank_card(rng, 16)
        return "bank_card", " ".join(number[i : i + 4] for i in range(0, 16, 4))
    raise ValueError(f"unknown generator {{{token}}}")


def build_line(line: str, rng: random.Random) -> dict[str, object]:
    text_parts: list[str] = []
    private: list[dict[str, object]] = []
    pos = 0
    length = 0
    for match in MARKUP.finditer(line):
        text_parts.append(line[pos : match.start()])
        length += match.start() - pos
        key, literal = match.group(1), match.group(2)
        if literal is not None:
            if key not in KINDS:
                raise ValueError(f"unknown kind {key!r} in: {line}")
            kind, value = key, literal
        else:
            kind, value = generate(key, rng)
        private.append({"kind": kind, "text": value, "start": length})
        text_parts.append(value)
        length += len(value)
        pos = match.end()
    text_parts.append(line[pos:])
    text = "".join(text_parts)
    if "{" in text or "}" in text:
        raise ValueError(f"unbalanced markup in: {line}")
    return {"text": text, "private": private}


def main() -> None:
    rng = random.Random(20231108)
    records = []
    holdout = False
    for raw in SRC.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# @holdout"):
            holdout = True
        if raw.strip() and not raw.startswith("#"):
            record = build_line(raw.strip(), rng)
            if holdout:
                record["holdout"] = True
            records.append(record)
    with OUT.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    items = sum(len(r["private"]) for r in records)  # type: ignore[arg-type]
    print(f"{len(records)} messages, {items} private items -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
