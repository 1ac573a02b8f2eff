"""What outcome reporting gives the base pages: the matrix, Action Line pages, /my/."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wsis_portal.registry import ActionLineSection, MatrixSource, MySection

from . import selectors as selectors_outcomes

matrix_source = MatrixSource(
    label=gettext_lazy("Session outcome reports"),
    counts=selectors_outcomes.report_matrix_counts,
    items=selectors_outcomes.report_matrix_items,
)

action_line_section = ActionLineSection(
    title=gettext_lazy("Session outcome reports"),
    template_name="forum/includes/action_line_outcomes.html",
    context=lambda action_line: {
        "outcome_reports": selectors_outcomes.reports_of_action_line(action_line)
    },
)


def my_sections(user: Any) -> list[MySection]:
    """Owners of sessions see them, with whether each has its outcome report."""
    owned = selectors_outcomes.sessions_owned_by(user=user)
    if not owned:
        return []
    return [
        MySection(
            title=_("Your Forum sessions"),
            items=owned,
            template_name="forum/includes/my_sessions.html",
            links=[(_("WSIS Forum editions"), reverse("forum:editions"))],
        )
    ]
