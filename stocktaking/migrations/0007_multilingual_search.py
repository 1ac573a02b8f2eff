"""Search entries in every language: the trigger builds the vector with wsis_search_vector.

See wsis_portal/search.py for what the vector holds (English, Russian and Arabic stems, the
words as written, Chinese character bigrams) and how long an input it reads (the cap of 0005
moved into wsis_search_vector). PostgreSQL only, like 0002.
"""

from django.db import migrations

from wsis_portal.search import FUNCTIONS_SQL, run_on_postgresql

TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION stocktaking_entry_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(wsis_search_vector(NEW.title), 'A') ||
        setweight(wsis_search_vector(NEW.organisation), 'B') ||
        setweight(wsis_search_vector(NEW.description), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""

ENGLISH_TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION stocktaking_entry_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', left(coalesce(NEW.title, ''), 50000)), 'A') ||
        setweight(to_tsvector('english', left(coalesce(NEW.organisation, ''), 50000)), 'B') ||
        setweight(to_tsvector('english', left(coalesce(NEW.description, ''), 50000)), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""

REFILL = "UPDATE stocktaking_entry SET title = title;"

FORWARD = [*FUNCTIONS_SQL, TRIGGER_FUNCTION, REFILL]
# The shared functions stay: the consultations' search indexes use them too.
BACKWARD = [ENGLISH_TRIGGER_FUNCTION, REFILL]


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0006_translations")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        )
    ]
