"""Next year's contest in one step (issue 14, item 2): the plan and the copy.

The copy has next year's year and title, the same rules (Champions per category, complete
ballot, live results), the same categories, and the five phases moved by the portal's
next-year rule (``wsis_portal.next_year``). It is a draft, attached to next year's Forum
edition, which must exist first (it is prepared the same way). Nothing of this year's
projects, votes, tallies, experts or scores is copied.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from forum.models import Edition
from wsis_portal.activity import activity_record
from wsis_portal.next_year import (
    DateChange,
    NextYearPlan,
    advance_text_fields,
    fresh_copy,
    next_year_datetime,
)
from wsis_portal.numbers import number_display
from wsis_portal.refusals import Refusal

from .models import Category, Contest, ContestPhase, ceremony_edition_errors


def _refusal(contest: Contest, edition: Edition | None) -> Refusal | None:
    year = contest.year + 1
    if Contest.objects.filter(year=year).exists():
        return Refusal(
            "duplicate",
            _("The contest of %(year)s exists already: open it from the list to change it.")
            % {"year": year},
        )
    if edition is None:
        return Refusal(
            "missing",
            _(
                "Prepare the WSIS Forum %(year)s first (“Prepare next year” on this year's "
                "edition): next year's contest ends at its ceremony."
            )
            % {"year": year},
        )
    return None


def contest_next_year_plan(*, contest: Contest) -> NextYearPlan:
    """What ``contest_next_year_prepare`` would create: every phase date old and new."""
    year = contest.year + 1
    edition = Edition.objects.filter(year=year).first()
    phases = list(contest.phases.order_by("starts_at"))
    changes = []
    for phase in phases:
        kind = phase.get_kind_display()
        changes.append(
            DateChange(
                gettext("%(phase)s: starts") % {"phase": kind},
                phase.starts_at,
                next_year_datetime(phase.starts_at),
            )
        )
        changes.append(
            DateChange(
                gettext("%(phase)s: ends") % {"phase": kind},
                phase.ends_at,
                next_year_datetime(phase.ends_at),
            )
        )
    categories = contest.categories.count()
    plan = NextYearPlan(
        source=contest,
        new_name=gettext("WSIS Prizes %(year)s") % {"year": year},
        changes=changes,
        copied=[
            ngettext("%(n)s category", "%(n)s categories", categories)
            % {"n": number_display(categories)},
            gettext("the rules: Champions per category, complete ballot, live results"),
            gettext("the title in every language, with its year advanced"),
        ],
        refusal=_refusal(contest, edition),
    )
    if edition is not None:
        moved = [
            ContestPhase(
                kind=p.kind,
                starts_at=next_year_datetime(p.starts_at),
                ends_at=next_year_datetime(p.ends_at),
            )
            for p in phases
        ]
        plan.warnings = ceremony_edition_errors(edition, moved)
    return plan


def contest_next_year_prepare(*, contest: Contest, by: Any) -> Contest:
    """Create next year's contest as a draft, with its phases and categories, and log it."""
    with transaction.atomic():
        source = Contest.objects.select_for_update().get(pk=contest.pk)
        contest_next_year_plan(contest=source).check()
        year = source.year + 1
        # The untranslated column follows the default language, as the admin's saves do.
        with translation.override(settings.LANGUAGE_CODE):
            copy = fresh_copy(
                source,
                year=year,
                edition=Edition.objects.get(year=year),
                published_at=None,
                live_tally_queued_at=None,
            )
            advance_text_fields(copy, ("title",), source.year)
            copy.save()
        for phase in source.phases.all():
            ContestPhase.objects.create(
                contest=copy,
                kind=phase.kind,
                starts_at=next_year_datetime(phase.starts_at),
                ends_at=next_year_datetime(phase.ends_at),
            )
        Category.objects.bulk_create(
            Category(contest=copy, action_line_id=c.action_line_id) for c in source.categories.all()
        )
        activity_record(
            obj=copy,
            action="contest_next_year",
            actor=by,
            field="year",
            before=source.year,
            after=year,
        )
    return copy
