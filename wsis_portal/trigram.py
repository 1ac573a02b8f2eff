"""Indexes that serve the admin's ``icontains`` search (``pg_trgm``).

Django's ``field__icontains=term`` is ``UPPER(field::text) LIKE UPPER('%term%')`` on
PostgreSQL: a B-tree index cannot serve a pattern that starts with ``%``, so every search of
the admin read the whole table (500,000 accounts: 180 ms; with a join to the votes: seconds).
A GIN index of the trigrams of that very expression answers it from the index, for any part of
an email, a name or a title, in any letter case. The expression must stay the one Django writes,
or PostgreSQL will not use the index.

The ``pg_trgm`` extension is created by ``wsis_portal/migrations/0007_trigram_extension.py``;
every migration that adds one of these indexes depends on it.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models import TextField
from django.db.models.functions import Cast, Upper


def icontains_index(field: str, name: str) -> GinIndex:
    """A trigram index of ``UPPER(field::text)``, the expression of ``field__icontains``."""
    return GinIndex(
        OpClass(Upper(Cast(field, output_field=TextField())), name="gin_trgm_ops"), name=name
    )
