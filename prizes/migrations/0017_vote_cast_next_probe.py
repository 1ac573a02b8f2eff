"""The vote function's next-category probe looks at one category at a time.

Migration 0015's probe let the planner turn its two EXISTS tests into joins: it read every
project of the contest (1,000 at WSIS scale) into a hash to learn which categories have
projects on the ballot, on every vote. Here the categories (18 at most) are put in Action
Line order first, and each one's two tests are index probes (the vote's unique constraint;
the ballot index of projects) made only until the first category that passes: usually the
first. ``OFFSET 0`` keeps the planner from flattening the ordered list or the tests into
joins. The answer is the same: the next category after this one in Action Line order,
wrapping around, that has a project on the ballot and no vote of this voter
(tests/prizes/test_vote_function.py). Backend CPU of one vote at WSIS scale 1.5 -> 1.0 ms
(docs/performance.md, "Fifth pass").
"""

import importlib

from django.db import migrations

from wsis_portal.search import run_on_postgresql

PREVIOUS = importlib.import_module("prizes.migrations.0015_vote_cast_function").CREATE

_OLD_PROBE = """    SELECT a.code INTO r_next_category
    FROM prizes_category n JOIN forum_actionline a ON a.id = n.action_line_id
    WHERE n.contest_id = r_contest AND n.id <> r_category
      AND EXISTS (SELECT 1 FROM prizes_project q
                  WHERE q.contest_id = r_contest AND q.category_id = n.id
                    AND q.status = ANY (p_ballot_states))
      AND NOT EXISTS (SELECT 1 FROM prizes_vote v
                      WHERE v.voter_id = p_voter AND v.contest_id = r_contest
                        AND v.category_id = n.id)
    ORDER BY a.number <= current_number, a.number
    LIMIT 1;
"""

_NEW_PROBE = """    SELECT s.code INTO r_next_category
    FROM (SELECT n.id, a.code, a.number <= current_number AS wrapped, a.number
          FROM prizes_category n JOIN forum_actionline a ON a.id = n.action_line_id
          WHERE n.contest_id = r_contest AND n.id <> r_category
          ORDER BY 3, 4
          OFFSET 0) AS s
    WHERE NOT EXISTS (SELECT 1 FROM prizes_vote v
                      WHERE v.contest_id = r_contest AND v.category_id = s.id
                        AND v.voter_id = p_voter
                      OFFSET 0)
      AND EXISTS (SELECT 1 FROM prizes_project q
                  WHERE q.contest_id = r_contest AND q.category_id = s.id
                    AND q.status = ANY (p_ballot_states)
                  OFFSET 0)
    ORDER BY s.wrapped, s.number
    LIMIT 1;
"""

assert _OLD_PROBE in PREVIOUS, "migration 0015's probe changed: rewrite this one"
CREATE = PREVIOUS.replace(_OLD_PROBE, _NEW_PROBE)


class Migration(migrations.Migration):
    dependencies = [("prizes", "0016_admin_search_trigram")]

    operations = [migrations.RunPython(run_on_postgresql([CREATE]), run_on_postgresql([PREVIOUS]))]
