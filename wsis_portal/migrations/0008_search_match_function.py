"""wsis_search_match(text): the site search's matches with each language's reading once.

See MATCH_FUNCTION_SQL in wsis_portal/search.py. PostgreSQL only, like the other search
functions.
"""

from django.db import migrations

from wsis_portal.search import MATCH_FUNCTION_SQL, run_on_postgresql

DROP = "DROP FUNCTION IF EXISTS wsis_search_match(text);"


class Migration(migrations.Migration):
    dependencies = [
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql([MATCH_FUNCTION_SQL]), run_on_postgresql([DROP])),
    ]
