"""Valid votes per (contest, project, ballot size), kept exact by the database.

A row trigger on ``prizes_voterballot`` appends each ballot's change (its size and projects
before and after) to ``prizes_ballotchange``; ``ballot_changes_compact`` folds them into
``prizes_ballotcount``. Every way a vote counts or stops counting (insert, delete,
invalidation, a vote moved, bulk or raw SQL, an account or contest deleted, TRUNCATE) goes
through the vote table's triggers of migration 0011 to the voter's ballot row, and from it to
this log, so nothing in Python can forget it. The trigger on the ballot row (not on the
votes) also sees the rows Django's cascade deletes directly.

Migration 0011's removal dropped every copy of a removed project from a ballot: a voter can
hold two valid votes for one project when the project moved category between them, and
then one invalidation took both. The removal now takes away exactly one copy per vote.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models

from wsis_portal.search import run_on_postgresql

# A voter's projects as a multiset: remove one copy per element of b.
MULTISET_MINUS = """
CREATE OR REPLACE FUNCTION prizes_multiset_minus(a bigint[], b bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(array_agg(x.p ORDER BY x.o), '{}')
    FROM (SELECT t.p, t.o, row_number() OVER (PARTITION BY t.p ORDER BY t.o) AS r
          FROM unnest(a) WITH ORDINALITY AS t (p, o)) AS x
    WHERE x.r > (SELECT count(*) FROM unnest(b) AS g WHERE g = x.p)
$$;

CREATE OR REPLACE FUNCTION prizes_ballot_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE prizes_voterballot AS b
    SET valid_votes = b.valid_votes - gone.n,
        projects = prizes_multiset_minus(b.projects, gone.ids)
    FROM (
        SELECT contest_id, voter_id, count(*) AS n, array_agg(project_id) AS ids
        FROM prizes_ballot_old WHERE valid
        GROUP BY contest_id, voter_id
    ) AS gone
    WHERE b.contest_id = gone.contest_id AND b.voter_id = gone.voter_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION prizes_ballot_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only rows whose counted facts changed (an invalidation, mostly) move anything.
    UPDATE prizes_voterballot AS b
    SET valid_votes = b.valid_votes - gone.n,
        projects = prizes_multiset_minus(b.projects, gone.ids)
    FROM (
        SELECT o.contest_id, o.voter_id, count(*) AS n, array_agg(o.project_id) AS ids
        FROM prizes_ballot_old o JOIN prizes_ballot_new n ON n.id = o.id
        WHERE o.valid AND (o.contest_id, o.voter_id, o.project_id, o.valid)
            IS DISTINCT FROM (n.contest_id, n.voter_id, n.project_id, n.valid)
        GROUP BY o.contest_id, o.voter_id
    ) AS gone
    WHERE b.contest_id = gone.contest_id AND b.voter_id = gone.voter_id;
    INSERT INTO prizes_voterballot AS b (contest_id, voter_id, valid_votes, projects)
    SELECT n.contest_id, n.voter_id, count(*), array_agg(n.project_id)
    FROM prizes_ballot_old o JOIN prizes_ballot_new n ON n.id = o.id
    WHERE n.valid AND (o.contest_id, o.voter_id, o.project_id, o.valid)
        IS DISTINCT FROM (n.contest_id, n.voter_id, n.project_id, n.valid)
    GROUP BY n.contest_id, n.voter_id
    ON CONFLICT (contest_id, voter_id) DO UPDATE
        SET valid_votes = b.valid_votes + EXCLUDED.valid_votes,
            projects = b.projects || EXCLUDED.projects;
    RETURN NULL;
END $$;
"""

# A row trigger: a vote changes one ballot row, and a row trigger costs that vote less
# than a statement trigger's transition tables. The update trigger's WHEN skips rows
# whose counted facts did not change.
CREATE = """
LOCK TABLE prizes_vote IN SHARE ROW EXCLUSIVE MODE;

-- The ballots rebuilt from the votes, so the counts start from the votes themselves.
DELETE FROM prizes_voterballot;
INSERT INTO prizes_voterballot (contest_id, voter_id, valid_votes, projects)
SELECT contest_id, voter_id, count(*), array_agg(project_id)
FROM prizes_vote WHERE valid GROUP BY contest_id, voter_id;

CREATE OR REPLACE FUNCTION prizes_ballot_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO prizes_ballotchange
            (contest_id, old_size, old_projects, new_size, new_projects)
        VALUES (NEW.contest_id, 0, '{}', NEW.valid_votes, NEW.projects);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO prizes_ballotchange
            (contest_id, old_size, old_projects, new_size, new_projects)
        VALUES (OLD.contest_id, OLD.valid_votes, OLD.projects, 0, '{}');
    ELSIF OLD.contest_id = NEW.contest_id THEN
        INSERT INTO prizes_ballotchange
            (contest_id, old_size, old_projects, new_size, new_projects)
        VALUES (NEW.contest_id, OLD.valid_votes, OLD.projects, NEW.valid_votes, NEW.projects);
    ELSE
        INSERT INTO prizes_ballotchange
            (contest_id, old_size, old_projects, new_size, new_projects)
        VALUES (OLD.contest_id, OLD.valid_votes, OLD.projects, 0, '{}'),
               (NEW.contest_id, 0, '{}', NEW.valid_votes, NEW.projects);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER prizes_ballot_log AFTER INSERT OR DELETE ON prizes_voterballot
    FOR EACH ROW EXECUTE FUNCTION prizes_ballot_log();
CREATE TRIGGER prizes_ballot_log_update AFTER UPDATE ON prizes_voterballot
    FOR EACH ROW
    WHEN ((OLD.contest_id, OLD.valid_votes, OLD.projects)
          IS DISTINCT FROM (NEW.contest_id, NEW.valid_votes, NEW.projects))
    EXECUTE FUNCTION prizes_ballot_log();

-- TRUNCATE fires no row trigger: with no votes (or no ballots) left, nothing counts.
-- DELETE, not TRUNCATE: the tables may be open in the same TRUNCATE statement (a test flush).
CREATE OR REPLACE FUNCTION prizes_votes_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM prizes_voterballot;
    DELETE FROM prizes_ballotchange;
    DELETE FROM prizes_ballotcount;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION prizes_ballots_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM prizes_ballotchange;
    DELETE FROM prizes_ballotcount;
    RETURN NULL;
END $$;
CREATE TRIGGER prizes_votes_truncated AFTER TRUNCATE ON prizes_vote
    FOR EACH STATEMENT EXECUTE FUNCTION prizes_votes_truncated();
CREATE TRIGGER prizes_ballots_truncated AFTER TRUNCATE ON prizes_voterballot
    FOR EACH STATEMENT EXECUTE FUNCTION prizes_ballots_truncated();

-- The ballots already there, counted once.
INSERT INTO prizes_ballotcount (contest_id, project_id, ballot_size, votes)
SELECT b.contest_id, p, b.valid_votes, count(*)
FROM prizes_voterballot b, unnest(b.projects) AS p
GROUP BY 1, 2, 3;
"""

DROP = """
DROP TRIGGER IF EXISTS prizes_ballot_log ON prizes_voterballot;
DROP TRIGGER IF EXISTS prizes_ballot_log_update ON prizes_voterballot;
DROP TRIGGER IF EXISTS prizes_votes_truncated ON prizes_vote;
DROP TRIGGER IF EXISTS prizes_ballots_truncated ON prizes_voterballot;
DROP FUNCTION IF EXISTS prizes_ballot_log();
DROP FUNCTION IF EXISTS prizes_votes_truncated();
DROP FUNCTION IF EXISTS prizes_ballots_truncated();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("prizes", "0013_vote_newest"),
    ]

    operations = [
        migrations.CreateModel(
            name="BallotChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("contest_id", models.BigIntegerField()),
                ("old_size", models.SmallIntegerField()),
                (
                    "old_projects",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.BigIntegerField(), blank=True, default=list, size=None
                    ),
                ),
                ("new_size", models.SmallIntegerField()),
                (
                    "new_projects",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.BigIntegerField(), blank=True, default=list, size=None
                    ),
                ),
            ],
            options={
                "verbose_name": "ballot change",
                "verbose_name_plural": "ballot changes",
            },
        ),
        migrations.CreateModel(
            name="BallotCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("project_id", models.BigIntegerField()),
                ("ballot_size", models.PositiveSmallIntegerField()),
                ("votes", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "ballot count",
                "verbose_name_plural": "ballot counts",
            },
        ),
        migrations.RemoveIndex(
            model_name="voterballot",
            name="prizes_ballot_completeness",
        ),
        migrations.AddField(
            model_name="ballotcount",
            name="contest",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="prizes.contest",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballotcount",
            constraint=models.UniqueConstraint(
                fields=("contest", "project_id", "ballot_size"), name="prizes_ballotcount_key"
            ),
        ),
        # The fixed removal stays on the way back: it is also right for 0011's tables.
        migrations.RunPython(run_on_postgresql([MULTISET_MINUS]), migrations.RunPython.noop),
        migrations.RunPython(run_on_postgresql([CREATE]), run_on_postgresql([DROP])),
    ]
