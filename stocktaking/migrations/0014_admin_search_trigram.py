"""Trigram indexes for the admin's search of entries by title or organisation
(wsis_portal/trigram.py: PostgreSQL only, built concurrently; 100,000 entries)."""

from django.db import migrations

from wsis_portal.trigram import trigram_indexes


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("stocktaking", "0013_search_document_before_delete"),
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [
        trigram_indexes(
            ("stocktaking_entry", "title", "stk_entry_title_trgm"),
            ("stocktaking_entry", "organisation", "stk_entry_organisation_trgm"),
        )
    ]
