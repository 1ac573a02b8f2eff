"""A version number kept in the cache and bumped once per committed change to what it covers.

What is built from many rows and read often (a PDF, a calendar file) is cached under such a
version: a bump makes every cached copy stale at once, and the version doubles as the
``Last-Modified`` (it is a Unix time in whole seconds that only goes up) and part of the
``ETag`` of what is built from it. The ``post_save``/``post_delete``/``m2m_changed`` signals
of the models a version watches bump it after their transaction commits, once per
transaction. The cache is an optimisation: when it cannot be reached there is no version,
nothing is cached and a write never fails on it.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save


class _Bump:
    """One transaction's pending bump of one version; it knows whether it has run."""

    done = False

    def __init__(self, version: CommitVersion) -> None:
        self.version = version

    def __call__(self) -> None:
        self.done = True
        self.version.bump()


class CommitVersion:
    def __init__(self, key: str) -> None:
        self.key = key

    def current(self) -> int | None:
        """The version, or None when the cache cannot be reached.

        A missing key (a cleared or evicted cache) starts a new version at the current
        second, never an old one, so a copy cached before the loss cannot be served again.
        """
        try:
            version = cache.get(self.key)
            if version is None:
                cache.add(self.key, int(time.time()), None)
                version = cache.get(self.key)
        except Exception:
            return None
        return int(version) if version is not None else None

    def bump(self) -> None:
        """A new version, strictly above the last one (two changes within a second differ)."""
        with contextlib.suppress(Exception):
            old = int(cache.get(self.key) or 0)
            cache.set(self.key, max(int(time.time()), old + 1), None)

    def bump_after_commit(self, **kwargs: Any) -> None:
        """A signal receiver: one bump per transaction, whatever the number of rows written.

        A bump registered inside a savepoint that rolls back is dropped by Django (it is then
        no longer among the connection's callbacks), and the next change registers another.
        """
        pending: dict[str, _Bump] = connection.__dict__.setdefault("_commit_version_bumps", {})
        bump = pending.get(self.key)
        if (
            connection.in_atomic_block
            and bump is not None
            and not bump.done
            and any(entry[1] is bump for entry in connection.run_on_commit)
        ):
            return
        pending[self.key] = bump = _Bump(self)
        transaction.on_commit(bump)

    def watch(self, *models: type[Model]) -> None:
        """Bump on every save and delete of ``models`` (many-to-many "through" models: on
        every change of the relation). Called from an ``AppConfig.ready``."""
        for model in models:
            uid = f"{self.key}:{model._meta.label_lower}"
            receiver = self.bump_after_commit
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}:save", weak=False)
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}:delete", weak=False)
            m2m_changed.connect(receiver, sender=model, dispatch_uid=f"{uid}:m2m", weak=False)
