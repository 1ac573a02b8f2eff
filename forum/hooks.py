"""What the Forum contributes to the base pages through the registry."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wsis_portal.publishing import published_q
from wsis_portal.registry import MatrixSource, MySection, OpenItem

from .models import Edition
from .programme import selectors as programme
from .proposals.selectors import proposals_of_user


def _registration_editions(now: datetime) -> list[Edition]:
    """Editions whose registration is open now, or opens later (the clock decides)."""
    return list(
        Edition.objects.filter(
            published_q(), registration_opens_at__isnull=False, registration_closes_at__gt=now
        ).order_by("registration_opens_at")[:5]
    )


def _registration_item(edition: Edition, now: datetime) -> OpenItem:
    is_open = edition.registration_is_open(now)
    return OpenItem(
        process=_("WSIS Forum"),
        title=_("Registration for %(edition)s") % {"edition": edition},
        url=reverse("forum:register", args=[edition.year]),
        action=_("Register to take part in person or remotely.") if is_open else "",
        deadline=edition.registration_closes_at if is_open else None,
        opens_at=None if is_open else edition.registration_opens_at,
    )


def home_items(now: datetime) -> list[OpenItem]:
    return [_registration_item(edition, now) for edition in _registration_editions(now)]


def home_next_change(now: datetime) -> datetime | None:
    """The next registration window to open or close (one query)."""
    found = Edition.objects.filter(
        published_q(), registration_opens_at__isnull=False, registration_closes_at__gt=now
    ).aggregate(
        opens=Min("registration_opens_at", filter=Q(registration_opens_at__gt=now)),
        closes=Min("registration_closes_at"),
    )
    return min((moment for moment in found.values() if moment), default=None)


def my_sections(user) -> list[MySection]:
    """Registrations with the windows open or opening now; proposals when there are some."""
    now = timezone.now()
    registrations = programme.registrations_of_user(user=user)
    registered = {registration.edition.year for registration in registrations}
    # The windows of editions the person has not registered for yet.
    windows = [
        _registration_item(edition, now)
        for edition in _registration_editions(now)
        if edition.year not in registered
    ]
    sections = [
        MySection(
            title=_("WSIS Forum registrations"),
            items=registrations,
            template_name="forum/includes/my_registrations.html",
            empty_text=_("You have not registered for a WSIS Forum."),
            links=[(_("WSIS Forum editions"), reverse("forum:editions"))],
        )
    ]
    if windows:
        sections.append(
            MySection(
                title=_("WSIS Forum registration"),
                items=windows,
                template_name="forum/includes/my_registration_windows.html",
            )
        )
    proposals = proposals_of_user(user=user, now=now)
    if proposals:
        sections.append(
            MySection(
                title=_("My session proposals"),
                items=proposals,
                template_name="forum/includes/my_proposals.html",
            )
        )
    return sections


matrix_source = MatrixSource(
    label=gettext_lazy("WSIS Forum sessions"),
    counts=programme.session_matrix_counts,
    items=programme.session_matrix_items,
)
