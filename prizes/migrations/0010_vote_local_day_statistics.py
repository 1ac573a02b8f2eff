"""Tell PostgreSQL's planner how many (local day, category) pairs the votes have.

The statistics page groups the votes of a contest by the day in the portal's time zone and
by category (prizes.statistics). Without statistics on that expression the planner guesses
one group per row (2,000,000 at 2,000,000 votes), judges a parallel partial aggregation
useless and reads the table in one process; with them it splits the scan over the parallel
workers (docs/performance.md, "Statistics pages"). An extended statistics object costs
nothing on the vote INSERT, only a little on ANALYZE. It names the time zone of the settings
at the time of migrating: a later change of TIME_ZONE needs this migration run again.
"""

from django.conf import settings
from django.db import migrations


def _zone() -> str:
    return settings.TIME_ZONE.replace("'", "")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE STATISTICS IF NOT EXISTS prizes_vote_local_day "
        f"ON ((cast_at AT TIME ZONE '{_zone()}')::date), category_id FROM prizes_vote"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP STATISTICS IF EXISTS prizes_vote_local_day")


class Migration(migrations.Migration):
    dependencies = [("prizes", "0009_project_search_document")]

    operations = [migrations.RunPython(create, drop)]
