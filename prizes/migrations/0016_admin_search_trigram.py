"""Trigram index for the admin's searches of projects, and of votes by project title
(wsis_portal/trigram.py: PostgreSQL only, built concurrently)."""

from django.db import migrations

from wsis_portal.trigram import trigram_indexes


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("prizes", "0015_vote_cast_function"),
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [trigram_indexes(("prizes_project", "title", "prizes_project_title_trgm"))]
