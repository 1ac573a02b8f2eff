"""Trigram indexes for the admin's search of entries by title or organisation (concurrently:
100,000 entries; wsis_portal/trigram.py)."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models
from django.db.models.functions import Cast, Upper


def icontains_index(field, name):
    # wsis_portal.trigram.icontains_index as of this migration.
    return GinIndex(
        OpClass(Upper(Cast(field, output_field=models.TextField())), name="gin_trgm_ops"), name=name
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("stocktaking", "0013_search_document_before_delete"),
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="entry", index=icontains_index("title", "stk_entry_title_trgm")
        ),
        AddIndexConcurrently(
            model_name="entry", index=icontains_index("organisation", "stk_entry_organisation_trgm")
        ),
    ]
