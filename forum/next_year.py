"""Next year's Forum edition in one step (issue 14, item 2): the plan and the copy.

The copy has next year's year, the theme and venue in every language (years advanced), the
in-person capacity, and its days and registration window moved by the portal's next-year
rule (``wsis_portal.next_year``): a Forum that ran Monday to Friday runs Monday to Friday
again. It is a draft. The programme (sessions, people, partners, themes of the High-Level
Track) belongs to each year and is not copied.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.activity import activity_record
from wsis_portal.next_year import (
    DateChange,
    NextYearPlan,
    advance_text_fields,
    fresh_copy,
    next_year_date,
    next_year_optional,
)
from wsis_portal.refusals import Refusal

from .models import Edition


def edition_next_year_plan(*, edition: Edition) -> NextYearPlan:
    """What ``edition_next_year_prepare`` would create: its days and registration dates."""
    year = edition.year + 1
    changes = [
        DateChange(gettext("First day"), edition.starts_on, next_year_date(edition.starts_on)),
        DateChange(gettext("Last day"), edition.ends_on, next_year_date(edition.ends_on)),
    ]
    if edition.registration_opens_at:
        changes.append(
            DateChange(
                gettext("Registration opens"),
                edition.registration_opens_at,
                next_year_optional(edition.registration_opens_at),
            )
        )
    if edition.registration_closes_at:
        changes.append(
            DateChange(
                gettext("Registration closes"),
                edition.registration_closes_at,
                next_year_optional(edition.registration_closes_at),
            )
        )
    refusal = None
    if Edition.objects.filter(year=year).exists():
        refusal = Refusal(
            "duplicate",
            _("The WSIS Forum %(year)s exists already: open it from the list to change it.")
            % {"year": year},
        )
    return NextYearPlan(
        source=edition,
        new_name=gettext("WSIS Forum %(year)s") % {"year": year},
        changes=changes,
        copied=[
            gettext("the theme and the venue in every language, with their years advanced"),
            gettext("the in-person capacity"),
        ],
        refusal=refusal,
    )


def edition_next_year_prepare(*, edition: Edition, by: Any) -> Edition:
    """Create next year's edition as a draft, and log it."""
    with transaction.atomic():
        source = Edition.objects.select_for_update().get(pk=edition.pk)
        edition_next_year_plan(edition=source).check()
        with translation.override(settings.LANGUAGE_CODE):
            copy = fresh_copy(
                source,
                year=source.year + 1,
                starts_on=next_year_date(source.starts_on),
                ends_on=next_year_date(source.ends_on),
                registration_opens_at=next_year_optional(source.registration_opens_at),
                registration_closes_at=next_year_optional(source.registration_closes_at),
                published_at=None,
            )
            advance_text_fields(copy, ("theme", "venue"), source.year)
            copy.save()
        activity_record(
            obj=copy,
            action="edition_next_year",
            actor=by,
            field="year",
            before=source.year,
            after=copy.year,
        )
    return copy
