"""The site search's stored documents of sessions, people and outcome reports (PostgreSQL only).

A generated column per table (``wsis_portal.search_ranking``): every language of a session's
title and description, so a visitor finds it in the language they read it in.
"""

from django.db import migrations

from wsis_portal.search import FUNCTIONS_SQL, run_on_postgresql
from wsis_portal.search_ranking import drop_document_sql, generated_document_sql

LANGUAGES = ["en", "ar", "zh_hans", "fr", "ru", "es"]

FORWARD = [
    *FUNCTIONS_SQL,
    *generated_document_sql(
        "forum_session",
        [
            ("A", [f"title_{code}" for code in LANGUAGES]),
            ("B", [*(f"description_{code}" for code in LANGUAGES), "organisers"]),
        ],
    ),
    *generated_document_sql(
        "forum_person", [("A", ["name"]), ("B", ["organisation", "position", "biography"])]
    ),
    *generated_document_sql(
        "forum_outcomereport", [("A", ["key_messages"]), ("B", ["recommendations"])]
    ),
]
BACKWARD = [
    *drop_document_sql("forum_session"),
    *drop_document_sql("forum_person"),
    *drop_document_sql("forum_outcomereport"),
]


class Migration(migrations.Migration):
    dependencies = [("forum", "0018_outcome_reports")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        )
    ]
