"""The programme version: one number that changes whenever what a programme shows changes.

Whole-programme exports (the iCalendar file) are cached under it, so a change to a session,
its people, a room or slot of the scheduler, a building block or an edition makes every
cached copy stale at once. The ``post_save``/``post_delete``/``m2m_changed`` signals of
those models bump it after their transaction commits, once per transaction (the admin's
writes included). It is a Unix time in whole seconds that only goes up, so it doubles as
the ``Last-Modified`` of what is built from it.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.utils.translation import get_language

from wsis_portal.fragments import query_digest

VERSION_KEY = "forum:programme-version"


def programme_version() -> int | None:
    """The current version, or None when the cache cannot be reached (then nothing is cached).

    A missing key (a cleared or evicted cache) starts a new version at the current second,
    never an old one, so a copy cached before the loss cannot be served again.
    """
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, int(time.time()), None)
            version = cache.get(VERSION_KEY)
    except Exception:
        return None
    return int(version) if version is not None else None


def programme_cache_key(kind: str, *parts: Any, query: str = "") -> str | None:
    """A cache key under the programme version and the language, for what a programme page or
    the API builds from it; None when the cache cannot be reached (then nothing is cached)."""
    version = programme_version()
    if version is None:
        return None
    return ":".join(
        ["forum", kind, str(version), get_language(), *map(str, parts), query_digest(query)]
    )


def programme_page_key(edition: Any, query: QueryDict) -> str | None:
    """The key of a programme page's content: the edition, the matrix version (the filter's
    Action Line and Goal names) and the query (filters and page)."""
    from ..base.selectors import matrix_version  # the base's selectors import this app

    return programme_cache_key(
        "programme-page", edition.pk, matrix_version(), query=query.urlencode()
    )


def programme_version_bump() -> None:
    """A new version, strictly above the last one (two changes within a second differ too)."""
    # The cache is an optimisation; a Redis outage must not fail a write.
    with contextlib.suppress(Exception):
        old = int(cache.get(VERSION_KEY) or 0)
        cache.set(VERSION_KEY, max(int(time.time()), old + 1), None)


class _Bump:
    """One transaction's pending bump; it knows whether it has run."""

    done = False

    def __call__(self) -> None:
        self.done = True
        programme_version_bump()


def _bump_after_commit(**kwargs: Any) -> None:
    # One bump per transaction: a scheduler run saving 500 sessions moves the version by
    # one. A bump registered inside a savepoint that rolls back is dropped by Django (it is
    # then no longer among the connection's callbacks), and the next change registers one.
    pending = getattr(connection, "_forum_programme_bump", None)
    if (
        connection.in_atomic_block
        and pending is not None
        and not pending.done
        and any(entry[1] is pending for entry in connection.run_on_commit)
    ):
        return
    bump = _Bump()
    connection._forum_programme_bump = bump  # type: ignore[attr-defined]
    transaction.on_commit(bump)


def connect_signals() -> None:
    """Called from ``ForumConfig.ready``."""
    from ..models import (
        BuildingBlock,
        Edition,
        HighLevelTheme,
        OutcomeDocument,
        Person,
        Placement,
        Proposal,
        ProposalCall,
        ProposalSpeaker,
        Room,
        Session,
        SessionPerson,
    )

    # The High-Level Track page is cached under the version too (its themes and outcomes).
    for model in (
        Session,
        SessionPerson,
        Person,
        Edition,
        HighLevelTheme,
        OutcomeDocument,
        BuildingBlock,
        Room,
        Placement,
        ProposalSpeaker,
        # Which sessions are public: a call's programme published, a proposal's session.
        ProposalCall,
        Proposal,
    ):
        uid = f"forum.programme_version.{model.__name__}"
        post_save.connect(_bump_after_commit, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_bump_after_commit, sender=model, dispatch_uid=f"{uid}.delete")
    # The programme's filters (by Action Line or Goal) read the sessions' tags.
    for through in (Session.action_lines.through, Session.sdgs.through):
        m2m_changed.connect(
            _bump_after_commit, sender=through, dispatch_uid=f"forum.programme_version.{through}"
        )
