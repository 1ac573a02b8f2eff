"""What UNGIS contributes to the base pages through the registry."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from wsis_portal.registry import MySection

from . import selectors


def my_sections(user) -> list[MySection]:
    """Focal points find the agency pages they keep current; others see nothing."""
    agencies = selectors.agencies_of_focal_point(user=user)
    if not agencies:
        return []
    return [
        MySection(
            title=_("Your UNGIS agency"),
            items=agencies,
            template_name="ungis/includes/my_agencies.html",
            links=[(_("UNGIS members"), reverse("ungis:members"))],
        )
    ]
