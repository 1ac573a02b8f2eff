"""Sample content for /styleguide/: each component shown with believable data, nothing saved."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum.base.selectors import matrix_grid

COLOURS = [
    ("--un-blue", "#003a70", gettext_lazy("Header; white text on it")),
    ("--un-blue-deep", "#002a52", gettext_lazy("Navigation band")),
    ("--accent", "#005a9c", gettext_lazy("Links and buttons")),
    ("--ink", "#1b1b1b", gettext_lazy("Text")),
    ("--muted", "#4a4a4a", gettext_lazy("Secondary text")),
    ("--line", "#c8ccd0", gettext_lazy("Borders, never text")),
    ("--tint", "#f2f6fa", gettext_lazy("Quiet backgrounds")),
    ("--ok", "#1d6b32", gettext_lazy("Open, success")),
    ("--warn", "#8a4b00", gettext_lazy("Notices")),
    ("--error", "#b00020", gettext_lazy("Errors, destructive actions")),
    ("--focus", "#ffbf47", gettext_lazy("Keyboard focus")),
]

TYPE_SCALE = [
    ("--step-4", 39),
    ("--step-3", 31),
    ("--step-2", 25),
    ("--step-1", 20),
    ("--step-0", 16),
    ("--step--1", 14),
]

SPACES = [
    ("--space-1", 4),
    ("--space-2", 8),
    ("--space-4", 16),
    ("--space-6", 24),
    ("--space-8", 32),
]


class SampleForm(forms.Form):
    """A form shown bound with errors, to show the error summary and field states."""

    title = forms.CharField(label=gettext_lazy("Project title"), max_length=200)
    email = forms.EmailField(
        label=gettext_lazy("Contact email"),
        help_text=gettext_lazy("We only write about this entry."),
    )
    summary = forms.CharField(label=gettext_lazy("Summary"), widget=forms.Textarea)
    agree = forms.BooleanField(label=gettext_lazy("I accept the terms of the contest"))


def context(request) -> dict:
    grid = matrix_grid()
    form = SampleForm(data={"title": "", "email": "not-an-email", "summary": ""})
    form.is_valid()
    page_obj = Paginator(list(range(1, 61)), 10).get_page(3)
    bars = [
        (_("Africa"), 41),
        (_("Asia and the Pacific"), 33),
        (_("Europe"), 18),
        (_("Arab States"), 12),
        (_("Americas"), 9),
    ]
    top = max(value for _label, value in bars)
    return {
        "colours": COLOURS,
        "type_scale": TYPE_SCALE,
        "spaces": SPACES,
        "form": form,
        "page_obj": page_obj,
        "grid": grid,
        "sample_rows": grid["rows"][:3],
        "bars": [(label, value, round(100 * value / top)) for label, value in bars],
        "progress": (7, 18, round(100 * 7 / 18)),
    }
