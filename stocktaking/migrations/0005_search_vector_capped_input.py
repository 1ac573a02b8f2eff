"""Cap the text the search trigger turns into a tsvector.

PostgreSQL refuses a tsvector over 1 MB ("string is too long for tsvector"), which made a
save with a huge description fail with a 500. Forms limit descriptions to 5,000 characters;
the trigger also reads at most 50,000 characters of each field, so no write path (admin,
import, a script) can hit the limit. PostgreSQL only, like 0002.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION stocktaking_entry_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('english', left(coalesce(NEW.title, ''), 50000)), 'A') ||
            setweight(to_tsvector('english', left(coalesce(NEW.organisation, ''), 50000)), 'B') ||
            setweight(to_tsvector('english', left(coalesce(NEW.description, ''), 50000)), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql;
    """,
]

BACKWARD = [
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
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0004_text_max_lengths")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
