"""Search the online discussions in every language (wsis_portal/search.py), PostgreSQL only.

The indexes are on the very expressions the selector writes (``search_document``).
"""

from django.db import migrations

from wsis_portal.search import FUNCTIONS_SQL, run_on_postgresql

FORWARD = [
    *FUNCTIONS_SQL,
    "CREATE INDEX IF NOT EXISTS consultations_discussion_search ON consultations_discussion "
    "USING gin (wsis_search_vector(title || ' ' || body));",
    "CREATE INDEX IF NOT EXISTS consultations_comment_search ON consultations_comment "
    "USING gin (wsis_search_vector(body));",
]
BACKWARD = [
    "DROP INDEX IF EXISTS consultations_comment_search;",
    "DROP INDEX IF EXISTS consultations_discussion_search;",
]


class Migration(migrations.Migration):
    dependencies = [("consultations", "0005_submission_email_confirmed")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        )
    ]
