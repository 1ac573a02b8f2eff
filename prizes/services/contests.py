"""Creating a contest, its categories and rules, and the open/closed check of its phases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import ActionLine, Edition
from wsis_portal.refusals import Refusal

from ..enums import PhaseKind
from ..models import (
    FROZEN_RULES,
    Category,
    Contest,
    ContestPhase,
    ceremony_edition_errors,
    phase_order_errors,
)


def contest_create(
    *,
    year: int,
    title: str,
    phases: dict[str, tuple[datetime, datetime]],
    edition: Edition,
    champions_per_category: int = 5,
    complete_ballot_required: bool = False,
    live_results_public: bool = False,
    published: bool = False,
) -> Contest:
    """Create a contest with its five phases and one category per Action Line, as a draft
    unless ``published`` (the Secretariat publishes it from the admin).

    The contest belongs to the Forum edition whose days hold its ceremony (seed 002: the
    Winners are announced at the WSIS Prizes ceremony during the Forum).
    """
    with transaction.atomic():
        contest = Contest(
            year=year,
            title=title,
            edition=edition,
            champions_per_category=champions_per_category,
            complete_ballot_required=complete_ballot_required,
            live_results_public=live_results_public,
            published_at=timezone.now() if published else None,
        )
        contest.full_clean()
        contest.save()
        contest_categories_create(contest=contest)
        rows = [
            ContestPhase(contest=contest, kind=kind, starts_at=start, ends_at=end)
            for kind, (start, end) in phases.items()
        ]
        errors = phase_order_errors(rows) + ceremony_edition_errors(edition, rows)
        if errors:
            raise ValidationError(errors)
        for kind in PhaseKind:
            if kind.value in phases:
                starts_at, ends_at = phases[kind.value]
                phase = ContestPhase(
                    contest=contest, kind=kind.value, starts_at=starts_at, ends_at=ends_at
                )
                phase.full_clean()
                phase.save()
    return contest


def contest_categories_create(*, contest: Contest) -> None:
    """One category per Action Line (idempotent); refused once voting has opened."""
    if contest.voting_has_opened():
        raise Refusal("frozen", _("The categories are frozen: voting has opened."))
    Category.objects.bulk_create(
        [Category(contest=contest, action_line=al) for al in ActionLine.objects.all()],
        ignore_conflicts=True,
    )


def contest_rules_update(*, contest: Contest, **rules: Any) -> Contest:
    """Change the contest's rules; refused once voting has opened (the rules are frozen)."""
    unknown = set(rules) - set(FROZEN_RULES)
    if unknown:
        raise ValueError(f"not a rule: {sorted(unknown)}")
    with transaction.atomic():
        locked = Contest.objects.select_for_update().get(pk=contest.pk)
        if locked.voting_has_opened():
            raise Refusal("frozen", _("The contest's rules are frozen: voting has opened."))
        for name, value in rules.items():
            setattr(locked, name, value)
        locked.full_clean()
        locked.save(update_fields=list(rules))
    return locked
