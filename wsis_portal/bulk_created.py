"""Rows created in one statement that still announce themselves as ``save()`` would."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.db import router, transaction
from django.db.models import Model
from django.db.models.signals import post_save

M = TypeVar("M", bound=Model)


def bulk_created(model: type[M], objs: Sequence[M]) -> list[M]:
    """``bulk_create`` the rows, then send each one's ``post_save`` (created=True).

    ``bulk_create`` sends no signal, and the page caches are kept fresh by those signals (a
    reference row loaded again after a flush must not leave a cached page without it).
    """
    using = router.db_for_write(model)
    # One transaction: the receivers' after-commit work (cache versions) runs once the rows are
    # all there, and a version watched through CommitVersion moves once, not once per row.
    with transaction.atomic(using=using):
        rows = model._default_manager.bulk_create(objs)
        for row in rows:
            post_save.send(
                sender=model, instance=row, created=True, raw=False, using=using, update_fields=None
            )
    return rows
