"""The Secretariat's figures of a consultation: inputs per phase.

An input belongs to the phase that had begun last when it was made: a phase's period runs
from its start to the next phase's start (the six phases follow each other; the
submissions deadline's period ends when the final review meeting begins). Inputs made
before Phase I are counted apart. Four queries whatever the number of inputs: the phases,
then official submissions, comments and nominations, each counted per period in one
query (COUNT … FILTER).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.statistics import Statistic

from .models import Comment, Consultation, Nomination, Submission, counted_submission_q


@dataclass(frozen=True)
class Period:
    label: str
    starts_at: datetime | None
    ends_at: datetime | None

    def q(self) -> Q:
        q = Q()
        if self.starts_at is not None:
            q &= Q(created_at__gte=self.starts_at)
        if self.ends_at is not None:
            q &= Q(created_at__lt=self.ends_at)
        return q


def phase_periods(*, consultation: Consultation) -> list[Period]:
    """ "Before Phase I", then one period per phase from its start to the next one's."""
    phases = list(consultation.phases.order_by("number"))
    if not phases:
        return [Period(gettext("Whole consultation"), None, None)]
    periods = [Period(gettext("Before Phase I"), None, phases[0].starts_at)]
    for phase, following in zip(phases, [*phases[1:], None], strict=True):
        periods.append(
            Period(
                f"{phase.label}: {phase.name}",
                phase.starts_at,
                following.starts_at if following is not None else None,
            )
        )
    return periods


def _per_period(queryset: QuerySet, periods: list[Period]) -> list[int]:
    counts = queryset.aggregate(
        **{f"p{index}": Count("pk", filter=period.q()) for index, period in enumerate(periods)}
    )
    return [counts[f"p{index}"] for index in range(len(periods))]


def consultation_statistics(*, consultation: Consultation) -> list[Statistic]:
    """Official submissions (those that count: confirmed and not rejected), visible comments
    and High-Level Track nominations per phase, and all three added up."""
    periods = phase_periods(consultation=consultation)
    kinds = [
        (
            "submissions-per-phase",
            _("Official submissions per phase"),
            _("Submissions"),
            Submission.objects.filter(consultation=consultation).filter(counted_submission_q()),
        ),
        (
            "comments-per-phase",
            _("Comments per phase"),
            _("Comments"),
            Comment.objects.filter(discussion__consultation=consultation, is_hidden=False),
        ),
        (
            "nominations-per-phase",
            _("High-Level Track facilitator nominations per phase"),
            _("Nominations"),
            Nomination.objects.filter(consultation=consultation),
        ),
    ]
    counted = [(key, title, heading, _per_period(qs, periods)) for key, title, heading, qs in kinds]
    totals = [sum(values) for values in zip(*(c[3] for c in counted), strict=True)]

    # "Before Phase I" is shown only when something was sent that early.
    first = 1 if len(periods) > 1 and not totals[0] else 0

    def rows(values: list[int]) -> list[tuple[str, int]]:
        return [(period.label, n) for period, n in zip(periods, values, strict=True)][first:]

    return [
        Statistic(
            key="inputs-per-phase",
            title=_("All inputs per phase"),
            label_heading=_("Phase"),
            value_heading=_("Inputs"),
            rows=rows(totals),
            note=_(
                "An input counts in the phase that had begun last when it was made: "
                "official submissions that count, visible comments and nominations."
            ),
        ),
        *(
            Statistic(
                key=key,
                title=title,
                label_heading=_("Phase"),
                value_heading=heading,
                rows=rows(values),
            )
            for key, title, heading, values in counted
        ),
    ]
