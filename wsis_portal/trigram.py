"""Indexes that serve the admin's ``icontains`` search (``pg_trgm``).

Django's ``field__icontains=term`` is ``UPPER(field::text) LIKE UPPER('%term%')`` on
PostgreSQL: a B-tree index cannot serve a pattern that starts with ``%``, so every search of
the admin read the whole table (500,000 accounts: 180 ms; with a join to the votes: seconds).
A GIN index of the trigrams of that very expression answers it from the index, for any part of
an email, a name or a title, in any letter case. The expression must stay the one Django writes,
or PostgreSQL will not use the index.

The ``pg_trgm`` extension is created by ``wsis_portal/migrations/0007_trigram_extension.py``;
every migration that adds one of these indexes depends on it.

The indexes are PostgreSQL's own, so they are created by SQL that runs only there
(``trigram_indexes``) and are not in the models' ``Meta.indexes``: on the laptop's SQLite,
``migrate`` skips them, and a later migration that rebuilds a table there never meets an index
SQLite cannot make. Built ``CONCURRENTLY``: on 500,000 accounts a plain ``CREATE INDEX`` would
block sign-ups while it runs, so a migration using this must set ``atomic = False``.
"""

from __future__ import annotations

from django.db import migrations

from wsis_portal.search import run_on_postgresql


def icontains_index_sql(table: str, column: str, name: str) -> tuple[str, str]:
    """CREATE and DROP of a trigram index of ``UPPER(column::text)``, the expression of
    ``column__icontains``."""
    return (
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} "
        f"ON {table} USING gin ((UPPER({column}::text)) gin_trgm_ops)",
        f"DROP INDEX CONCURRENTLY IF EXISTS {name}",
    )


def trigram_indexes(*indexes: tuple[str, str, str]) -> migrations.RunPython:
    """A migration operation creating the (table, column, name) indexes on PostgreSQL only."""
    sql = [icontains_index_sql(*index) for index in indexes]

    def run(statements: list[str]):
        def execute(apps, schema_editor):
            if schema_editor.connection.in_atomic_block:
                # Inside a transaction (a test migrating back and forth) CONCURRENTLY is
                # refused; there nothing else writes meanwhile.
                statements_now = [s.replace(" CONCURRENTLY", "") for s in statements]
            else:
                statements_now = statements
            run_on_postgresql(statements_now)(apps, schema_editor)

        return execute

    return migrations.RunPython(
        run([create for create, _drop in sql]), run([drop for _create, drop in sql]), atomic=False
    )
