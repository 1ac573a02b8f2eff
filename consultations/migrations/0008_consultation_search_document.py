"""The site search's stored document of consultations (PostgreSQL only; see
``wsis_portal.search_ranking``): every language of their title and description."""

from django.db import migrations

from wsis_portal.search import FUNCTIONS_SQL, run_on_postgresql
from wsis_portal.search_ranking import drop_document_sql, generated_document_sql

LANGUAGES = ["en", "ar", "zh_hans", "fr", "ru", "es"]

FORWARD = [
    *FUNCTIONS_SQL,
    *generated_document_sql(
        "consultations_consultation",
        [
            ("A", [f"title_{code}" for code in LANGUAGES]),
            ("B", [f"description_{code}" for code in LANGUAGES]),
        ],
    ),
]


class Migration(migrations.Migration):
    dependencies = [("consultations", "0007_published_at")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD),
            run_on_postgresql(drop_document_sql("consultations_consultation")),
            elidable=False,
        )
    ]
