"""The programme version: one number that changes whenever what a programme shows changes.

Whole-programme exports (the iCalendar file), the programme pages, the API and the High-Level
Track are cached under it, so a change to a session, its people, a room or slot of the
scheduler, a building block or an edition makes every cached copy stale at once. It is a
``CommitVersion``: bumped once per committed transaction (a scheduler run saving 500 sessions
moves it by one), the admin's writes included.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils.translation import get_language

from wsis_portal.commit_version import CommitVersion
from wsis_portal.fragments import query_digest

PROGRAMME = CommitVersion("forum:programme-version")


def programme_version() -> int | None:
    """The current version, or None when the cache cannot be reached (then nothing is cached)."""
    return PROGRAMME.current()


def programme_version_bump() -> None:
    """A new version, strictly above the last one (two changes within a second differ too)."""
    PROGRAMME.bump()


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
    PROGRAMME.watch(
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
        # The programme's filters (by Action Line or Goal) read the sessions' tags.
        Session.action_lines.through,
        Session.sdgs.through,
    )
