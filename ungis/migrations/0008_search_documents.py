"""The site search's stored documents of UNGIS members and joint initiatives (PostgreSQL only;
see ``wsis_portal.search_ranking``): every language of their name and description."""

from django.db import migrations

from wsis_portal.search import FUNCTIONS_SQL, run_on_postgresql
from wsis_portal.search_ranking import drop_document_sql, generated_document_sql

LANGUAGES = ["en", "ar", "zh_hans", "fr", "ru", "es"]


def weighted(acronym: list[str]) -> list[tuple[str, list[str]]]:
    return [
        ("A", [*acronym, *(f"name_{code}" for code in LANGUAGES)]),
        ("B", [f"description_{code}" for code in LANGUAGES]),
    ]


FORWARD = [
    *FUNCTIONS_SQL,
    *generated_document_sql("ungis_agency", weighted(["acronym"])),
    *generated_document_sql("ungis_initiative", weighted([])),
]
BACKWARD = [*drop_document_sql("ungis_agency"), *drop_document_sql("ungis_initiative")]


class Migration(migrations.Migration):
    dependencies = [("ungis", "0007_member_names_translations")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        )
    ]
