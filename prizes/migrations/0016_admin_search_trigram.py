"""Trigram index for the admin's searches of projects, and of votes by project title
(wsis_portal/trigram.py)."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models
from django.db.models.functions import Cast, Upper


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("prizes", "0015_vote_cast_function"),
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="project",
            index=GinIndex(
                OpClass(Upper(Cast("title", output_field=models.TextField())), name="gin_trgm_ops"),
                name="prizes_project_title_trgm",
            ),
        ),
    ]
