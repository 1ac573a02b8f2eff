"""Database cost of multilingual search, beside the English-only search it replaced (same run).

On the entries of the checkout's database (seed them first: ``seed_demo --only stocktaking
--entries 100000``), prints the median of 7 timings of the full-text match + rank + top-20 of
each query, and the time to rebuild 10,000 search vectors with the multilingual trigger and with
the former English-only one (inside transactions that are rolled back: nothing is changed).

    DATABASE_URL=postgres://... .venv/bin/python bench/search_languages.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

QUERIES = [
    ("en", "broadband"),
    ("en", "digital literacy"),
    ("zh-hans", "教育"),
    ("zh-hans", "远程医疗"),
    ("ru", "образование"),
    ("ru", "школа"),  # the entries say "школах", "школ"
    ("ar", "التعليم"),
    ("ar", "تعليم"),  # without the article
    ("fr", "éducation"),
    ("es", "alfabetización"),
]
MATCH = """
    SELECT id FROM stocktaking_entry
    WHERE status = 'published' AND search_vector @@ {query}
    ORDER BY ts_rank(search_vector, {query}) DESC, id DESC LIMIT 20
"""
COUNT = "SELECT count(*) FROM stocktaking_entry WHERE search_vector @@ {query}"
# What the former search found: its English-only vector, computed here for every row.
FORMER_COUNT = """
    SELECT count(*) FROM stocktaking_entry
    WHERE to_tsvector('english', title || ' ' || organisation || ' ' || description)
          @@ websearch_to_tsquery('english', %s)
"""
ENGLISH_ONLY = "websearch_to_tsquery('english', %s)"
MULTILINGUAL = "wsis_search_query(%s)"


def median_ms(sql: str, params: list, runs: int = 7) -> float:
    timings = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def rebuild_ms(function_sql: str | None, rows: int = 10_000) -> float:
    """Time ``UPDATE … SET title = title`` (fires the trigger) on ``rows`` rows, rolled back."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            if function_sql:
                cursor.execute(function_sql)
            started = time.perf_counter()
            cursor.execute(
                "UPDATE stocktaking_entry SET title = title "
                "WHERE id IN (SELECT id FROM stocktaking_entry ORDER BY id LIMIT %s)",
                [rows],
            )
            elapsed = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return elapsed


def main() -> None:
    from importlib import import_module

    migration = import_module("stocktaking.migrations.0007_multilingual_search")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM stocktaking_entry WHERE status = 'published'")
        entries = cursor.fetchone()[0]
        cursor.execute("SELECT pg_size_pretty(pg_relation_size('stk_entry_search_gin'))")
        index_size = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print(f"{entries} published entries, PostgreSQL {version}, GIN index {index_size}")
    print(
        "\n| language | query | matches | top 20 ms (multilingual) | found by the former English-only search |"
    )
    print("|---|---|---|---|---|")
    for language, text in QUERIES:
        with connection.cursor() as cursor:
            cursor.execute(COUNT.format(query=MULTILINGUAL), [text])
            matches = cursor.fetchone()[0]
            cursor.execute(FORMER_COUNT, [text])
            english_matches = cursor.fetchone()[0]
        took = median_ms(MATCH.format(query=MULTILINGUAL), [text, text])
        print(f"| {language} | {text} | {matches} | {took:.1f} | {english_matches} |")
    english = median_ms(MATCH.format(query=ENGLISH_ONLY), ["broadband", "broadband"])
    print(
        f"\nbaseline, same run: the English-only query 'broadband' on the same index: {english:.1f} ms"
    )
    multilingual = rebuild_ms(None)
    english_only = rebuild_ms(migration.ENGLISH_TRIGGER_FUNCTION)
    print(
        f"rebuilding 10,000 search vectors: multilingual trigger {multilingual:.0f} ms, "
        f"English-only trigger {english_only:.0f} ms (rolled back)"
    )


if __name__ == "__main__":
    main()
