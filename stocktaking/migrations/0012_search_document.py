"""The published entries' search vectors in a narrow table (``SearchDocument``) for the site
search, kept by a trigger on the entries.

The trigger runs after the entry's own (``stocktaking_entry_search_vector``, 0007) has built
the vector: a published entry's row is written when its status, start year or vector changed,
and removed when it is no longer published or deleted (Django leaves the row to the
trigger: ``DO_NOTHING``, and the foreign key is checked at the commit). The vectors are moved out of the
table's pages (``toast_tuple_target``), so the pages the GIN index's matches are read from
hold a few hundred rows each. PostgreSQL only, like 0002.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from wsis_portal.search import run_on_postgresql

FORWARD = [
    "ALTER TABLE stocktaking_searchdocument SET (toast_tuple_target = 128);",
    "ALTER TABLE stocktaking_searchdocument ALTER COLUMN search_vector SET STORAGE EXTERNAL;",
    """
    CREATE OR REPLACE FUNCTION stocktaking_entry_search_document() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM stocktaking_searchdocument WHERE entry_id = OLD.id;
            RETURN NULL;
        END IF;
        IF NEW.status <> 'published' OR NEW.search_vector IS NULL THEN
            IF TG_OP = 'UPDATE' AND OLD.status = 'published' THEN
                DELETE FROM stocktaking_searchdocument WHERE entry_id = NEW.id;
            END IF;
            RETURN NULL;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.start_year = NEW.start_year
           AND OLD.search_vector = NEW.search_vector THEN
            RETURN NULL;  -- a save that changed nothing searched
        END IF;
        INSERT INTO stocktaking_searchdocument (entry_id, start_year, search_vector)
        VALUES (NEW.id, NEW.start_year, NEW.search_vector)
        ON CONFLICT (entry_id) DO UPDATE
        SET start_year = EXCLUDED.start_year, search_vector = EXCLUDED.search_vector;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER stocktaking_entry_search_document_trg
    AFTER INSERT OR UPDATE OR DELETE ON stocktaking_entry
    FOR EACH ROW EXECUTE FUNCTION stocktaking_entry_search_document();
    """,
    """
    INSERT INTO stocktaking_searchdocument (entry_id, start_year, search_vector)
    SELECT id, start_year, search_vector FROM stocktaking_entry
    WHERE status = 'published' AND search_vector IS NOT NULL;
    """,
    "CREATE INDEX stk_searchdoc_vector_gin ON stocktaking_searchdocument "
    "USING gin (search_vector);",
    "ANALYZE stocktaking_searchdocument;",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS stocktaking_entry_search_document_trg ON stocktaking_entry;",
    "DROP FUNCTION IF EXISTS stocktaking_entry_search_document();",
]


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0011_admin_list_order")]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="stocktaking.entry",
                    ),
                ),
                ("start_year", models.PositiveSmallIntegerField()),
                ("search_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        ),
    ]
