"""Facet counts of published entries per call and region, kept exact by triggers.

The unfiltered search page and the reports read ``stocktaking_facetcount`` (a few thousand
rows) instead of grouping every published entry. Statement-level triggers with transition
tables add each statement's net change: on the entries (status, call, region and the facet
columns) and on their Action Line and SDG links. Each (entry, link) pair is counted by whichever
side changes last, reading the other side as it is now: an entry's trigger reads its current
links, a link's trigger its entry's current status, after locking that entry so that a
concurrent publication and link change cannot both miss the pair (READ COMMITTED: each query
of a trigger sees what committed before it). Count rows are upserted in key order, so two
writers never wait on each other in opposite orders. PostgreSQL only, like migration 0002.
"""

from django.db import migrations, models

UPSERT = """
    INSERT INTO stocktaking_facetcount (call_key, region, facet, value, n)
    SELECT COALESCE(call_id, 0), region, facet, value, SUM(sign) FROM d
    GROUP BY 1, 2, 3, 4 HAVING SUM(sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (call_key, region, facet, value)
    DO UPDATE SET n = stocktaking_facetcount.n + EXCLUDED.n;
"""
COLUMNS = "id, call_id, region, country, stakeholder_type, start_year, is_success_story"
# What the facets count: every published entry's own values and its links.
DELTAS = """
    d (call_id, region, facet, value, sign) AS (
        SELECT c.call_id, c.region, f.facet, f.value, c.sign FROM changed c
        CROSS JOIN LATERAL (VALUES
            ('region', c.region), ('country', c.country),
            ('stakeholder_type', c.stakeholder_type), ('year', c.start_year::text),
            ('success_story', CASE WHEN c.is_success_story THEN '1' ELSE '0' END)
        ) f (facet, value)
        UNION ALL
        SELECT c.call_id, c.region, 'action_line', l.action_line_id::text, c.sign
        FROM changed c JOIN stocktaking_entryactionline l ON l.entry_id = c.id
        UNION ALL
        SELECT c.call_id, c.region, 'sdg', g.sdg_id::text, c.sign
        FROM changed c JOIN stocktaking_entrysdg g ON g.entry_id = c.id
    )
"""
OLD = f"SELECT -1 AS sign, {COLUMNS} FROM old_rows WHERE status = 'published'"
NEW = f"SELECT 1 AS sign, {COLUMNS} FROM new_rows WHERE status = 'published'"
# An update counts only rows whose counted columns changed (not a title or a search vector).
MOVED = """
    moved AS (
        SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.status, o.call_id, o.region, o.country, o.stakeholder_type, o.start_year,
               o.is_success_story)
        IS DISTINCT FROM (n.status, n.call_id, n.region, n.country, n.stakeholder_type,
               n.start_year, n.is_success_story)
    )
"""
ENTRY_CHANGED = {
    "insert": f"WITH changed AS ({NEW}),",
    "delete": f"WITH changed AS ({OLD}),",
    "update": f"WITH {MOVED}, changed AS ({OLD} AND id IN (SELECT id FROM moved) "
    f"UNION ALL {NEW} AND id IN (SELECT id FROM moved)),",
}
LINKS = {"entryactionline": ("action_line", "action_line_id"), "entrysdg": ("sdg", "sdg_id")}
LINK_SOURCES = {
    "insert": ["new_rows"],
    "delete": ["old_rows"],
    "update": ["old_rows", "new_rows"],
}


def _function(name: str, body: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
    BEGIN
        {body}
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql;
    """


def _trigger(table: str, name: str, op: str, function: str) -> str:
    tables = {
        "insert": "NEW TABLE AS new_rows",
        "delete": "OLD TABLE AS old_rows",
        "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[op]
    return (
        f"CREATE TRIGGER {name} AFTER {op.upper()} ON {table} "
        f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
    )


def _link_body(facet: str, column: str, op: str) -> str:
    sources = LINK_SOURCES[op]
    ids = " UNION ".join(f"SELECT entry_id FROM {s}" for s in sources)
    changed = " UNION ALL ".join(
        f"SELECT {'-1' if s == 'old_rows' else '1'} AS sign, entry_id, {column} AS ref FROM {s}"
        for s in sources
    )
    return f"""
        PERFORM 1 FROM stocktaking_entry WHERE id IN ({ids}) ORDER BY id FOR NO KEY UPDATE;
        WITH changed AS ({changed}),
        d (call_id, region, facet, value, sign) AS (
            SELECT e.call_id, e.region, '{facet}', c.ref::text, c.sign
            FROM changed c JOIN stocktaking_entry e ON e.id = c.entry_id
            WHERE e.status = 'published'
        )
        {UPSERT}
    """


FORWARD = []
BACKWARD = []
for op in ("insert", "update", "delete"):
    function = f"stk_facetcount_entry_{op}"
    FORWARD.append(_function(function, f"{ENTRY_CHANGED[op]} {DELTAS} {UPSERT}"))
    FORWARD.append(_trigger("stocktaking_entry", f"{function}_trg", op, function))
    BACKWARD.append(f"DROP TRIGGER IF EXISTS {function}_trg ON stocktaking_entry;")
    BACKWARD.append(f"DROP FUNCTION IF EXISTS {function}();")
    for link, (facet, column) in LINKS.items():
        function = f"stk_facetcount_{link}_{op}"
        FORWARD.append(_function(function, _link_body(facet, column, op)))
        FORWARD.append(_trigger(f"stocktaking_{link}", f"{function}_trg", op, function))
        BACKWARD.append(f"DROP TRIGGER IF EXISTS {function}_trg ON stocktaking_{link};")
        BACKWARD.append(f"DROP FUNCTION IF EXISTS {function}();")
# The counts of the entries already there, computed once.
FORWARD.append(
    f"""
    WITH changed AS (SELECT 1 AS sign, {COLUMNS} FROM stocktaking_entry
                     WHERE status = 'published'),
    {DELTAS}
    {UPSERT}
    """
)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("stocktaking", "0009_published_at"),
    ]

    operations = [
        migrations.CreateModel(
            name="FacetCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("call_key", models.IntegerField()),
                ("region", models.CharField(blank=True, max_length=20)),
                ("facet", models.CharField(max_length=20)),
                ("value", models.CharField(blank=True, max_length=40)),
                ("n", models.BigIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("call_key", "region", "facet", "value"),
                        name="stk_facetcount_unique",
                    )
                ],
            },
        ),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
    ]
