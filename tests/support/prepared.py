"""The SQL a test's captured queries ran, with the site search's prepared statements read back.

A search runs its kinds' statements as ``EXECUTE <name>(...)`` (wsis_portal/search_prepared.py);
a test that looks for a table in what ran reads the statement's text from the connection.
"""

from __future__ import annotations

from django.db import connection


def statements_run(captured) -> list[str]:
    """Each captured query's SQL; an ``EXECUTE`` replaced by the statement it executed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, statement FROM pg_prepared_statements")
        prepared = dict(cursor.fetchall())
    run = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if sql.startswith("EXECUTE "):
            sql = prepared[sql.split()[1].split("(")[0]]
        run.append(sql)
    return run
