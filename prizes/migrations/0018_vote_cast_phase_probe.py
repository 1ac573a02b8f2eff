"""The vote function reads its contest's voting phase by the phase's unique index, always.

On the bench's database the function's generic plan joined the phases by a bitmap scan of
every contest's voting phase (the index on kind and end), then kept this contest's; on the
WSIS-scale copy (two contests) it reads the ten phases in a sequential scan; a test database
probed the unique (contest, kind) index. ``OFFSET 0`` now makes it that probe whatever the
statistics say, so the cost does not grow with the number of contests kept. Still
a LEFT JOIN, so a contest without a voting phase is refused as closed, as before
(tests/prizes/test_vote_function.py). Backend CPU of one call 0.63-0.68 -> 0.59-0.65 ms on the
bench's data, unchanged at WSIS scale (docs/performance.md, "Fifth pass").
"""

import importlib

from django.db import migrations

from wsis_portal.search import run_on_postgresql

PREVIOUS = importlib.import_module("prizes.migrations.0017_vote_cast_next_probe").CREATE

_OLD_JOIN = (
    "    LEFT JOIN prizes_contestphase ph ON ph.contest_id = p.contest_id"
    " AND ph.kind = p_voting_kind\n"
)
_NEW_JOIN = """    LEFT JOIN LATERAL (SELECT x.starts_at, x.ends_at FROM prizes_contestphase x
                       WHERE x.contest_id = p.contest_id AND x.kind = p_voting_kind
                       OFFSET 0) AS ph ON true
"""

assert _OLD_JOIN in PREVIOUS, "migration 0017's facts query changed: rewrite this one"
CREATE = PREVIOUS.replace(_OLD_JOIN, _NEW_JOIN)


class Migration(migrations.Migration):
    dependencies = [("prizes", "0017_vote_cast_next_probe")]

    operations = [migrations.RunPython(run_on_postgresql([CREATE]), run_on_postgresql([PREVIOUS]))]
