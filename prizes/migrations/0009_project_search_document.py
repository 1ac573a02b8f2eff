"""The site search's stored document of prize projects (PostgreSQL only; see
``wsis_portal.search_ranking``)."""

from django.db import migrations

from wsis_portal.search import FUNCTIONS_SQL, run_on_postgresql
from wsis_portal.search_ranking import drop_document_sql, generated_document_sql

FORWARD = [
    *FUNCTIONS_SQL,
    *generated_document_sql(
        "prizes_project", [("A", ["title"]), ("B", ["organisation"]), ("C", ["description"])]
    ),
]


class Migration(migrations.Migration):
    dependencies = [("prizes", "0008_project_image")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD),
            run_on_postgresql(drop_document_sql("prizes_project")),
            elidable=False,
        )
    ]
