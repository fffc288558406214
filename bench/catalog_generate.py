"""Fill a database with a large published catalog for the benchmarks (not part of the test run).

Realistic Chinese titles and bodies (zwgk/catalog/generator.py), Art. 8's 22 categories, 30
sections, 20 years (2007–2026), index numbers from the catalog's pattern, the search index filled
as the service layer would (FTS5 on SQLite, the generated tsvector column on PostgreSQL). Rows are
written in publication-date order with bulk inserts.

Run (SQLite, its own file; migrate first):
    export ZWGK_VAR_DIR=var/bench DJANGO_SETTINGS_MODULE=zwgk.settings ZWGK_FAST_HASHER=1
    .venv/bin/python manage.py migrate && .venv/bin/python bench/catalog_generate.py --count 100000
PostgreSQL:
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/zwgk_bench  (createdb first, then migrate)
    .venv/bin/python bench/catalog_generate.py --count 100000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.settings")
os.environ.setdefault("ZWGK_FAST_HASHER", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from zwgk.catalog import generator, search  # noqa: E402
from zwgk.catalog.demo import SECTION_CATEGORIES  # noqa: E402
from zwgk.catalog.models import Category, Entry, Section  # noqa: E402
from zwgk.catalog.services import reserve_index_numbers  # noqa: E402
from zwgk.org.models import Department  # noqa: E402

# Three more sections so that the benchmark has 30 sections with entries.
EXTRA_SECTIONS = [
    ("special_actions", "专项行动", "public_order", ["campaigns"]),
    ("press", "新闻发布会", "publicity", ["policies", "public_security"]),
    ("interpretation", "政策解读", "office", ["policies", "laws"]),
]
FIRST_YEAR, LAST_YEAR = 2007, 2026


def sections() -> list[tuple[Section, list[Category]]]:
    if not Section.objects.filter(code="news").exists():
        call_command("load_demo", stdout=open(os.devnull, "w"))
    departments = {d.code: d for d in Department.objects.all()}
    for order, (code, name, dept, _) in enumerate(EXTRA_SECTIONS, start=200):
        Section.objects.get_or_create(code=code, defaults={"name": name, "department": departments[dept],
                                                           "order": order})
    categories = {c.code: c for c in Category.objects.all()}
    plan = {**SECTION_CATEGORIES, **{code: cats for code, _, _, cats in EXTRA_SECTIONS}}
    found = [(Section.objects.select_related("department").get(code=code), [categories[c] for c in cats])
             for code, cats in plan.items()]
    return found[:30]


def generate(count: int, batch: int, seed: int) -> None:
    rng = random.Random(seed)
    targets = sections()
    end = min(date(LAST_YEAR, 12, 31), timezone.localdate())
    print(f"{len(targets)} sections, {count} entries, {FIRST_YEAR}–{end.year}", flush=True)
    days = list(generator.dates(rng, date(FIRST_YEAR, 1, 1), end, count))
    per_year = Counter(d.year for d in days)
    numbers = {year: iter(reserve_index_numbers(year, n)) for year, n in sorted(per_year.items())}
    started = time.monotonic()
    sqlite = connection.vendor == "sqlite"
    done = 0
    for offset in range(0, count, batch):
        rows, fts = [], []
        for day in days[offset:offset + batch]:
            section, categories = rng.choice(targets)
            made = generator.generate(rng, section.code, day.year)
            title_tokens = made.title_tokens
            rows.append(Entry(
                index_number=next(numbers[day.year]), title=made.title,
                publisher=f"公安厅{section.department.name.split('（')[0]}", department_id=section.department_id,
                published_on=day, category_id=rng.choice(categories).pk, section_id=section.pk,
                document_number=made.document_number if rng.random() < 0.3 else "",
                body="".join(f"<p>{p}</p>" for p in made.paragraphs), status=Entry.PUBLISHED,
                search_tokens=search.stored_tokens(title_tokens, made.body_tokens),
                created_at=timezone.make_aware(datetime(day.year, day.month, day.day, 9, 0)), imported=True,
            ))
            fts.append((title_tokens, made.body_tokens))
        with transaction.atomic():
            created = Entry.objects.bulk_create(rows, batch_size=1000)
            if sqlite:
                search.bulk_index([(e.pk, t, b, search.facet_tokens(e.published_on, e.section_id, e.category_id))
                                   for e, (t, b) in zip(created, fts, strict=True)])
        done += len(rows)
        rate = done / (time.monotonic() - started)
        print(f"{done}/{count} entries, {rate:.0f}/s", flush=True)
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            # VACUUM sets the visibility map, so counts can be answered by index-only scans
            cursor.execute("VACUUM (ANALYZE) catalog_entry")
    print(f"done in {time.monotonic() - started:.0f}s", flush=True)


def reindex() -> None:
    """Rebuild the SQLite FTS5 table from the stored tokens (after the index's columns changed)."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search.FTS_TABLE}")
    last = 0
    while True:
        rows = list(Entry.objects.filter(status=Entry.PUBLISHED, id__gt=last).order_by("id")
                    .values_list("id", "search_tokens", "published_on", "section_id", "category_id")[:20000])
        if not rows:
            break
        with transaction.atomic():
            search.bulk_index([(pk, *[*tokens.split("\n", 1), ""][:2], search.facet_tokens(day, sec, cat))
                               for pk, tokens, day, sec, cat in rows])
        last = rows[-1][0]
        print(f"reindexed up to id {last}", flush=True)
    print(f"done in {time.monotonic() - started:.0f}s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reindex", action="store_true", help="only rebuild the SQLite index from the rows")
    args = parser.parse_args()
    if args.reindex:
        reindex()
    else:
        generate(args.count, args.batch, args.seed)


if __name__ == "__main__":
    main()
