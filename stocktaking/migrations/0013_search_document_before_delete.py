"""A deleted entry's ``SearchDocument`` row goes before the entry, not after it.

In 0012 the row was removed by the ``AFTER`` trigger, which runs after the foreign key's own
check: fine while the check is deferred to the commit (Django's default), a violation under
``SET CONSTRAINTS ALL IMMEDIATE``. A ``BEFORE DELETE`` trigger removes it first in every
case. PostgreSQL only, like 0002.
"""

from django.db import migrations

from wsis_portal.search import run_on_postgresql

FORWARD = [
    "DROP TRIGGER IF EXISTS stocktaking_entry_search_document_trg ON stocktaking_entry;",
    """
    CREATE TRIGGER stocktaking_entry_search_document_trg
    AFTER INSERT OR UPDATE ON stocktaking_entry
    FOR EACH ROW EXECUTE FUNCTION stocktaking_entry_search_document();
    """,
    """
    CREATE OR REPLACE FUNCTION stocktaking_entry_search_document_gone() RETURNS trigger AS $$
    BEGIN
        DELETE FROM stocktaking_searchdocument WHERE entry_id = OLD.id;
        RETURN OLD;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER stocktaking_entry_search_document_gone_trg
    BEFORE DELETE ON stocktaking_entry
    FOR EACH ROW EXECUTE FUNCTION stocktaking_entry_search_document_gone();
    """,
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS stocktaking_entry_search_document_gone_trg ON stocktaking_entry;",
    "DROP FUNCTION IF EXISTS stocktaking_entry_search_document_gone();",
    "DROP TRIGGER IF EXISTS stocktaking_entry_search_document_trg ON stocktaking_entry;",
    """
    CREATE TRIGGER stocktaking_entry_search_document_trg
    AFTER INSERT OR UPDATE OR DELETE ON stocktaking_entry
    FOR EACH ROW EXECUTE FUNCTION stocktaking_entry_search_document();
    """,
]


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0012_search_document")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        )
    ]
