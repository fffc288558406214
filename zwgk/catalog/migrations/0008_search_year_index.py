"""The PostgreSQL search index also holds the year of publication (zwgk/catalog/search.py).

A GIN index over ``(search_vector, EXTRACT(year FROM published_on))`` (btree_gin) answers "these
words, published in this year" inside the index: a search limited to a year, or to the newest
years first, reads only that part of the words' posting lists instead of every entry that contains
a common word (a year is one key: a date range would be two open-ended scans of the dates).
It replaces the GIN index over ``search_vector`` alone, which it covers. Built concurrently, so
that a catalog in service keeps accepting publications while it is built. SQLite: nothing (its
FTS5 table carries the year as a facet token).
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS catalog_entry_search_year_gin "
    "ON catalog_entry USING gin (search_vector, (EXTRACT(year FROM published_on)))",
    "DROP INDEX CONCURRENTLY IF EXISTS catalog_entry_search_gin",
]
PG_BACKWARD = [
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS catalog_entry_search_gin ON catalog_entry USING gin (search_vector)",
    "DROP INDEX CONCURRENTLY IF EXISTS catalog_entry_search_year_gin",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("catalog", "0007_section_link")]
    operations = [migrations.RunPython(_run(PG_FORWARD), _run(PG_BACKWARD))]
