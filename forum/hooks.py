"""What the Forum contributes to the base pages through the registry."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wsis_portal.publishing import published_q
from wsis_portal.registry import MatrixSource, MySection, OpenItem

from .models import Edition
from .programme import selectors as programme


def home_items(now: datetime) -> list[OpenItem]:
    """Editions whose registration is open now, or opens later (the clock decides)."""
    items = []
    editions = Edition.objects.filter(
        published_q(), registration_opens_at__isnull=False, registration_closes_at__gt=now
    ).order_by("registration_opens_at")[:5]
    for edition in editions:
        is_open = edition.registration_is_open(now)
        items.append(
            OpenItem(
                process=_("WSIS Forum"),
                title=_("Registration for %(edition)s") % {"edition": edition},
                url=reverse("forum:register", args=[edition.year]),
                action=_("Register to take part in person or remotely.") if is_open else "",
                deadline=edition.registration_closes_at if is_open else None,
                opens_at=None if is_open else edition.registration_opens_at,
            )
        )
    return items


def my_sections(user) -> list[MySection]:
    return [
        MySection(
            title=_("WSIS Forum registrations"),
            items=programme.registrations_of_user(user=user),
            template_name="forum/includes/my_registrations.html",
            empty_text=_("You have not registered for a WSIS Forum."),
            links=[(_("WSIS Forum editions"), reverse("forum:editions"))],
        )
    ]


matrix_source = MatrixSource(
    label=gettext_lazy("WSIS Forum sessions"),
    counts=programme.session_matrix_counts,
    items=programme.session_matrix_items,
)
