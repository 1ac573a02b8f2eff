"""The trigger-kept facet counts also count each (Action Line, SDG) pair of a published entry.

The Action Line x SDG matrix read the pairs by joining every published entry's Action Line
links to its SDG links (about 250 ms over 100,000 entries on each miss of its cache); it now
sums these rows (facet ``al_sdg``, value ``<action line id>:<sdg id>``). The triggers of
migration 0010 are replaced by the same ones with the pairs added: an entry's change counts
its current pairs; a link's change counts the pairs it makes with the entry's current links
of the other kind, after locking the entry as before, so that a concurrent change of the
other kind of link is counted by whichever commits last. PostgreSQL only, like 0010.
"""

from importlib import import_module

from django.db import migrations

from wsis_portal.search import run_on_postgresql

base = import_module("stocktaking.migrations.0010_facet_counts")

FACET = "al_sdg"
# An entry's pairs: every Action Line link with every SDG link.
ENTRY_PAIRS = f"""
        UNION ALL
        SELECT c.call_id, c.region, '{FACET}', l.action_line_id || ':' || g.sdg_id, c.sign
        FROM changed c JOIN stocktaking_entryactionline l ON l.entry_id = c.id
        JOIN stocktaking_entrysdg g ON g.entry_id = c.id
    )
"""
DELTAS = base.DELTAS.rstrip().removesuffix(")") + ENTRY_PAIRS
# A link's pairs: with the entry's links of the other kind.
LINK_PAIRS = {
    "entryactionline": (
        "JOIN stocktaking_entrysdg o ON o.entry_id = c.entry_id",
        "c.ref || ':' || o.sdg_id",
    ),
    "entrysdg": (
        "JOIN stocktaking_entryactionline o ON o.entry_id = c.entry_id",
        "o.action_line_id || ':' || c.ref",
    ),
}


def _link_body(link: str, facet: str, column: str, op: str) -> str:
    sources = base.LINK_SOURCES[op]
    ids = " UNION ".join(f"SELECT entry_id FROM {s}" for s in sources)
    changed = " UNION ALL ".join(
        f"SELECT {'-1' if s == 'old_rows' else '1'} AS sign, entry_id, {column} AS ref FROM {s}"
        for s in sources
    )
    join, pair = LINK_PAIRS[link]
    return f"""
        PERFORM 1 FROM stocktaking_entry WHERE id IN ({ids}) ORDER BY id FOR NO KEY UPDATE;
        WITH changed AS ({changed}),
        d (call_id, region, facet, value, sign) AS (
            SELECT e.call_id, e.region, '{facet}', c.ref::text, c.sign
            FROM changed c JOIN stocktaking_entry e ON e.id = c.entry_id
            WHERE e.status = 'published'
            UNION ALL
            SELECT e.call_id, e.region, '{FACET}', {pair}, c.sign
            FROM changed c JOIN stocktaking_entry e ON e.id = c.entry_id {join}
            WHERE e.status = 'published'
        )
        {base.UPSERT}
    """


def _functions(deltas: str, link_body) -> list[str]:
    statements = []
    for op in ("insert", "update", "delete"):
        function = f"stk_facetcount_entry_{op}"
        statements.append(
            base._function(function, f"{base.ENTRY_CHANGED[op]} {deltas} {base.UPSERT}")
        )
        for link, (facet, column) in base.LINKS.items():
            statements.append(
                base._function(f"stk_facetcount_{link}_{op}", link_body(link, facet, column, op))
            )
    return statements


FORWARD = [
    *_functions(DELTAS, _link_body),
    # The pairs of the entries already there, counted once.
    f"""
    WITH changed AS (SELECT 1 AS sign, {base.COLUMNS} FROM stocktaking_entry
                     WHERE status = 'published'),
    d (call_id, region, facet, value, sign) AS (
        SELECT c.call_id, c.region, '{FACET}', l.action_line_id || ':' || g.sdg_id, c.sign
        FROM changed c JOIN stocktaking_entryactionline l ON l.entry_id = c.id
        JOIN stocktaking_entrysdg g ON g.entry_id = c.id
    )
    {base.UPSERT}
    """,
]
BACKWARD = [
    *_functions(base.DELTAS, lambda link, facet, column, op: base._link_body(facet, column, op)),
    f"DELETE FROM stocktaking_facetcount WHERE facet = '{FACET}';",
]


class Migration(migrations.Migration):
    dependencies = [
        ("stocktaking", "0015_entry_created_at_index"),
    ]

    operations = [
        migrations.RunPython(
            run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD), elidable=False
        ),
    ]
