"""Full-text search on PostgreSQL: a trigger keeps ``search_vector`` current, a GIN index.

Both are PostgreSQL-only, so the operation checks the database vendor; on SQLite (the
laptop default) search falls back to ``icontains`` and this migration does nothing.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION stocktaking_entry_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
            setweight(to_tsvector('english', coalesce(NEW.organisation, '')), 'B') ||
            setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER stocktaking_entry_search_vector_trg
    BEFORE INSERT OR UPDATE OF title, organisation, description, search_vector
    ON stocktaking_entry
    FOR EACH ROW EXECUTE FUNCTION stocktaking_entry_search_vector();
    """,
    "UPDATE stocktaking_entry SET title = title;",
    "CREATE INDEX IF NOT EXISTS stk_entry_search_gin ON stocktaking_entry USING gin (search_vector);",
]

BACKWARD = [
    "DROP INDEX IF EXISTS stk_entry_search_gin;",
    "DROP TRIGGER IF EXISTS stocktaking_entry_search_vector_trg ON stocktaking_entry;",
    "DROP FUNCTION IF EXISTS stocktaking_entry_search_vector();",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
