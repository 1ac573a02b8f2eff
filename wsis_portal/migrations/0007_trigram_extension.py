"""pg_trgm, for the trigram indexes behind the admin's searches (wsis_portal/trigram.py)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("wsis_portal", "0006_statistics_access"),
    ]

    operations = [TrigramExtension()]
