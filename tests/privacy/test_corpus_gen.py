"""The generated bench corpus (bench/privacy_corpus_gen.py) is labelled correctly and big enough."""

from __future__ import annotations

from collections import Counter

from bench.privacy_corpus_gen import build
from zwgk.privacy.ids import is_valid_resident_id, luhn_valid


def test_corpus_has_two_thousand_records_of_both_sources_with_exact_spans() -> None:
    records = build()
    assert len(records) >= 2000
    assert {r["source"] for r in records} == {"message", "catalog"}
    for record in records:
        text = record["text"]
        for item in record["private"]:
            assert text[item["start"] : item["start"] + len(item["text"])] == item["text"]


def test_every_kind_is_present_and_check_digits_are_what_the_label_says() -> None:
    records = build()
    kinds = Counter(item["kind"] for r in records for item in r["private"])
    assert {"name", "resident_id", "suspected_id", "mobile", "landline", "wechat", "qq", "passport",
            "address", "health", "bank_card"} <= set(kinds)
    for item in (i for r in records for i in r["private"]):
        if item["kind"] == "resident_id":
            assert is_valid_resident_id(item["text"])
        if item["kind"] == "suspected_id":
            assert not is_valid_resident_id(item["text"])
        if item["kind"] == "bank_card":
            assert luhn_valid(item["text"])


def test_hard_negatives_are_present() -> None:
    texts = "".join(r["text"] for r in build())
    for negative in ("王者荣耀", "高速", "周到", "索引号", "确诊病例", "住院部", "刑初"):
        assert negative in texts
