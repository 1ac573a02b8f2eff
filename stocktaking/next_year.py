"""Next year's stocktaking call in one step (issue 14, item 2): the plan and the copy.

The copy is the same kind of call for next year, feeding next year's report (its title in
every language, years advanced), open from and to the dates moved by the portal's
next-year rule (``wsis_portal.next_year``). It is a draft. Entries are not copied: they
belong to the database, not to a call.
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
    next_year_datetime,
)
from wsis_portal.refusals import Refusal

from .models import Call


def call_next_year_plan(*, call: Call) -> NextYearPlan:
    """What ``call_next_year_prepare`` would create: its opening and closing, old and new."""
    year = call.year + 1
    refusal = None
    if Call.objects.filter(year=year, kind=call.kind).exists():
        refusal = Refusal(
            "duplicate",
            _("The %(kind)s call of %(year)s exists already: open it from the list to change it.")
            % {"kind": call.get_kind_display(), "year": year},
        )
    return NextYearPlan(
        source=call,
        new_name=gettext("%(kind)s call %(year)s")
        % {"kind": call.get_kind_display(), "year": year},
        changes=[
            DateChange(gettext("Opens"), call.starts_at, next_year_datetime(call.starts_at)),
            DateChange(gettext("Closes"), call.ends_at, next_year_datetime(call.ends_at)),
        ],
        copied=[
            gettext("the report it feeds: %(year)s") % {"year": call.report_year + 1},
            gettext("the report title in every language, with its year advanced"),
        ],
        refusal=refusal,
    )


def call_next_year_prepare(*, call: Call, by: Any) -> Call:
    """Create next year's call of the same kind as a draft, and log it."""
    with transaction.atomic():
        source = Call.objects.select_for_update().get(pk=call.pk)
        call_next_year_plan(call=source).check()
        with translation.override(settings.LANGUAGE_CODE):
            copy = fresh_copy(
                source,
                year=source.year + 1,
                report_year=source.report_year + 1,
                starts_at=next_year_datetime(source.starts_at),
                ends_at=next_year_datetime(source.ends_at),
                published_at=None,
            )
            # The title names the report's year, which may be the call's year or the next.
            advance_text_fields(copy, ("report_title",), max(source.year, source.report_year))
            copy.save()
        activity_record(
            obj=copy,
            action="call_next_year",
            actor=by,
            field="year",
            before=source.year,
            after=copy.year,
        )
    return copy
