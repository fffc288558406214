"""The full-text index of published entries (see zwgk/catalog/search.py).

SQLite: an FTS5 table (unicode61 over jieba-segmented text: title and body columns, and a facets
column with the filter values as tokens: y2018 s12 c1), kept in sync by the service layer. PostgreSQL: a stored tsvector('simple') column generated from ``search_tokens`` (title tokens,
a newline, body tokens; the title weighted A, the body B), with a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS catalog_entry_fts USING fts5("
    "title, body, facets, tokenize = 'unicode61 remove_diacritics 0', detail = column)",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS catalog_entry_fts"]
PG_FORWARD = [
    # search_tokens holds the title's tokens, a newline, then the body's: the title weighs more (A)
    "ALTER TABLE catalog_entry ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', split_part(search_tokens, E'\\n', 1)), 'A') || "
    "setweight(to_tsvector('simple', split_part(search_tokens, E'\\n', 2)), 'B')) STORED",
    "CREATE INDEX IF NOT EXISTS catalog_entry_search_gin ON catalog_entry USING gin (search_vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS catalog_entry_search_gin",
    "ALTER TABLE catalog_entry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_entries")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        )
    ]
