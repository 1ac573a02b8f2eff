"""Each entry's search document also names its slice of ids, so the site search can look for
its pool among the newest entries first (``stocktaking/selectors/site_search.py``).

The slice is a lexeme no visitor's words can make (it holds spaces, which every parser splits
on): ``'entry slice 8'`` for ids 40,000-44,999. ``ts_rank`` without normalisation (the site
search's) reads only the lexemes the query names, so ranks are unchanged. PostgreSQL only.
"""

from django.db import migrations

from wsis_portal.search import run_on_postgresql

SLICE_FUNCTION = """
CREATE OR REPLACE FUNCTION stocktaking_entry_slice(entry_id bigint) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(ARRAY['entry slice ' || (entry_id / 5000)])
$$;
"""
NEWEST_SLICES_FUNCTION = """
CREATE OR REPLACE FUNCTION stocktaking_newest_slices(newest bigint, slices int)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(quote_literal('entry slice ' || s), ' | '), '')::tsquery
    FROM generate_series(greatest(newest / 5000 - slices + 1, 0), newest / 5000) AS s
$$;
"""


def _document_trigger(vector: str) -> str:
    return f"""
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
        VALUES (NEW.id, NEW.start_year, {vector})
        ON CONFLICT (entry_id) DO UPDATE
        SET start_year = EXCLUDED.start_year, search_vector = EXCLUDED.search_vector;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql;
    """


def _refill(vector: str) -> list[str]:
    # Emptied and refilled in id order rather than updated in place: an UPDATE leaves every
    # old row version behind until a VACUUM (which a migration's transaction cannot run),
    # and an index built over them holds both versions (45 MB against 25, and a search of
    # the newest slices 4-5 times slower), while new rows in id order keep a slice's rows
    # on neighbouring pages.
    return [
        # The foreign key's checks at once, so none is pending when the index is built.
        "SET CONSTRAINTS ALL IMMEDIATE;",
        "DROP INDEX IF EXISTS stk_searchdoc_vector_gin;",
        "TRUNCATE stocktaking_searchdocument;",
        f"""
        INSERT INTO stocktaking_searchdocument (entry_id, start_year, search_vector)
        SELECT id, start_year, {vector} FROM stocktaking_entry
        WHERE status = 'published' AND search_vector IS NOT NULL ORDER BY id;
        """,
        "CREATE INDEX stk_searchdoc_vector_gin ON stocktaking_searchdocument "
        "USING gin (search_vector);",
        "ANALYZE stocktaking_searchdocument;",
    ]


FORWARD = [
    SLICE_FUNCTION,
    NEWEST_SLICES_FUNCTION,
    _document_trigger("NEW.search_vector || stocktaking_entry_slice(NEW.id)"),
    *_refill("search_vector || stocktaking_entry_slice(id)"),
]
BACKWARD = [
    _document_trigger("NEW.search_vector"),
    *_refill("search_vector"),
    "DROP FUNCTION IF EXISTS stocktaking_newest_slices(bigint, int);",
    "DROP FUNCTION IF EXISTS stocktaking_entry_slice(bigint);",
]


class Migration(migrations.Migration):
    dependencies = [("stocktaking", "0017_success_story_title_index")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        ),
    ]
