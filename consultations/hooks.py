"""What the consultations app shows on the home page and on /my/ (registered in apps.py)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wsis_portal.publishing import published_q
from wsis_portal.registry import MySection, OpenItem

from .enums import PhaseKind
from .models import Consultation, Submission
from .selectors import (
    consultations_list,
    my_submissions,
    my_subscriptions,
    nominations_open,
    process_state,
)


def home_items(now: datetime) -> list[OpenItem]:
    """Open submission windows with their deadline, the next meetings, open nominations."""
    process = _("Open Consultation Process")
    items: list[OpenItem] = []
    consultations = consultations_list().filter(phases__ends_at__gt=now).distinct()[:10]
    for consultation in consultations:
        state = process_state(consultation=consultation, now=now)
        if state.submissions_open:
            items.append(
                OpenItem(
                    process=process,
                    title=consultation.name,
                    url=reverse("consultations:submit", args=[consultation.slug]),
                    action=_("Send an official submission"),
                    deadline=state.submissions_deadline,
                )
            )
        elif state.submissions_not_yet_open:
            items.append(
                OpenItem(
                    process=process,
                    title=consultation.name,
                    url=consultation.get_absolute_url(),
                    action=_("Official submissions open"),
                    opens_at=state.opening.starts_at if state.opening else None,
                    deadline=state.submissions_deadline,
                )
            )
        meeting = state.next_meeting
        if meeting:
            items.append(
                OpenItem(
                    process=process,
                    title=_("%(consultation)s: %(phase)s, %(meeting)s")
                    % {
                        "consultation": consultation.name,
                        "phase": meeting.label,
                        "meeting": meeting.name,
                    },
                    url=consultation.get_absolute_url(),
                    action=_("Meeting in %(venue)s with remote participation")
                    % {"venue": meeting.venue}
                    if meeting.venue
                    else _("Meeting with remote participation"),
                    opens_at=meeting.starts_at,
                )
            )
        if nominations_open(consultation=consultation, state=state):
            items.append(
                OpenItem(
                    process=process,
                    title=_("High-Level Track facilitators: %(title)s")
                    % {"title": consultation.name},
                    url=reverse("consultations:nominate", args=[consultation.slug]),
                    action=_("Nominate a facilitator"),
                    deadline=consultation.nominations_deadline,
                )
            )
    return items


def home_next_change(now: datetime) -> datetime | None:
    """The next phase to start or end, or nomination deadline, of a published consultation
    (one query): ``process_state`` reads nothing else from the clock."""
    found = (
        consultations_list()
        .order_by()
        .aggregate(
            starts=Min("phases__starts_at", filter=Q(phases__starts_at__gt=now)),
            ends=Min("phases__ends_at", filter=Q(phases__ends_at__gt=now)),
            nominations=Min("nominations_deadline", filter=Q(nominations_deadline__gt=now)),
        )
    )
    return min((moment for moment in found.values() if moment), default=None)


def action_line_context(action_line) -> dict:
    """Submissions suggesting this Action Line, in consultations whose final brief is out."""
    now = timezone.now()
    public = Consultation.objects.filter(
        published_q(), phases__kind=PhaseKind.FINAL_BRIEF, phases__starts_at__lte=now
    )
    rows = list(
        Submission.objects.counted()
        .filter(action_lines=action_line, consultation__in=public)
        .values("consultation__slug", "consultation__title")
        .annotate(n=Count("id"))
        .order_by("-consultation__slug")[:5]
    )
    return {
        "consultation_rows": [
            {
                "title": row["consultation__title"],
                "url": reverse("consultations:final_brief", args=[row["consultation__slug"]]),
                "count": row["n"],
            }
            for row in rows
        ]
    }


def my_sections(user) -> list[MySection]:
    return [
        MySection(
            title=_("My consultation submissions"),
            items=my_submissions(user=user),
            template_name="consultations/includes/my_submissions.html",
            empty_text=_("You have not sent an official submission while signed in."),
            links=[(_("Open consultations"), reverse("consultations:list"))],
        ),
        MySection(
            title=_("My consultation subscriptions"),
            items=my_subscriptions(user=user),
            template_name="consultations/includes/my_subscriptions.html",
            empty_text=_("You do not follow any discussion or consultation."),
        ),
    ]
