"""Next year's consultation in one step (issue 14, item 2): the plan and the copy.

The copy prepares next year's Forum edition (which must exist first: it is prepared the
same way). It has the title, slug and description with their years advanced (in every
language), the nominations deadline and the six phases moved by the portal's next-year
rule (``wsis_portal.next_year``), each phase with its name (translations included), kind
and venue. A meeting's agenda, minutes and remote-participation link belong to that
meeting and are not copied, nor are submissions, discussions or nominations. It is a draft.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forum.models import Edition
from wsis_portal.activity import activity_record
from wsis_portal.next_year import (
    DateChange,
    NextYearPlan,
    advance_text_fields,
    advance_years,
    fresh_copy,
    next_year_datetime,
    next_year_optional,
    translated_fields,
)
from wsis_portal.refusals import Refusal

from .models import Consultation, ConsultationPhase


def _next_slug(consultation: Consultation, year: int) -> str:
    slug = advance_years(consultation.slug, year)
    return slug if slug != consultation.slug else f"{consultation.slug}-{year + 1}"[:80]


def _refusal(consultation: Consultation, edition: Edition | None, slug: str) -> Refusal | None:
    year = consultation.edition.year + 1
    if edition is None:
        return Refusal(
            "missing",
            _(
                "Prepare the WSIS Forum %(year)s first (“Prepare next year” on this year's "
                "edition): next year's consultation prepares it."
            )
            % {"year": year},
        )
    if edition.consultations.exists() or Consultation.objects.filter(slug=slug).exists():
        return Refusal(
            "duplicate",
            _("The consultation for the WSIS Forum %(year)s exists already: open it to change it.")
            % {"year": year},
        )
    return None


def consultation_next_year_plan(*, consultation: Consultation) -> NextYearPlan:
    """What ``consultation_next_year_prepare`` would create: every date old and new."""
    year = consultation.edition.year
    edition = Edition.objects.filter(year=year + 1).first()
    changes = []
    for phase in consultation.phases.order_by("number"):
        changes.append(
            DateChange(
                gettext("%(phase)s: starts") % {"phase": phase.label},
                phase.starts_at,
                next_year_datetime(phase.starts_at),
            )
        )
        changes.append(
            DateChange(
                gettext("%(phase)s: ends") % {"phase": phase.label},
                phase.ends_at,
                next_year_datetime(phase.ends_at),
            )
        )
    if consultation.nominations_deadline:
        changes.append(
            DateChange(
                gettext("Nominations deadline"),
                consultation.nominations_deadline,
                next_year_optional(consultation.nominations_deadline),
            )
        )
    slug = _next_slug(consultation, year)
    return NextYearPlan(
        source=consultation,
        new_name=advance_years(consultation.name, year),
        changes=changes,
        copied=[
            gettext("the address: /consultations/%(slug)s/") % {"slug": slug},
            gettext("the title and description in every language, with their years advanced"),
            gettext("each phase's number, name, kind and venue"),
        ],
        refusal=_refusal(consultation, edition, slug),
    )


def consultation_next_year_prepare(*, consultation: Consultation, by: Any) -> Consultation:
    """Create next year's consultation as a draft, with its six phases, and log it."""
    with transaction.atomic():
        source = Consultation.objects.select_related("edition").get(pk=consultation.pk)
        year = source.edition.year
        # Two consultations could both claim next year's edition: lock it.
        edition = Edition.objects.select_for_update().filter(year=year + 1).first()
        consultation_next_year_plan(consultation=source).check()
        assert edition is not None  # the plan refuses without it
        with translation.override(settings.LANGUAGE_CODE):
            copy = fresh_copy(
                source,
                edition=edition,
                slug=_next_slug(source, year),
                nominations_deadline=next_year_optional(source.nominations_deadline),
                published_at=None,
            )
            advance_text_fields(copy, ("title", "description"), year)
            copy.save()
            for phase in source.phases.all():
                new_phase = fresh_copy(
                    phase,
                    consultation=copy,
                    starts_at=next_year_datetime(phase.starts_at),
                    ends_at=next_year_datetime(phase.ends_at),
                    reminder_sent_at=None,
                    remote_participation_url="",
                    minutes="",
                )
                for name in ["agenda", *translated_fields(ConsultationPhase, "agenda")]:
                    setattr(new_phase, name, "")
                advance_text_fields(new_phase, ("name",), year)
                new_phase.save()
        activity_record(
            obj=copy,
            action="consultation_next_year",
            actor=by,
            field="edition",
            before=year,
            after=year + 1,
        )
    return copy
