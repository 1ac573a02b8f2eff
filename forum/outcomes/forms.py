"""The outcome report form: what an owner types about their session after it took place."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from ..models import SDG, ActionLine, OutcomeReport
from .models import KEY_MESSAGES_MAX, RECOMMENDATIONS_MAX

# Links are opened by the public from the Outcome Document: web pages only, no ftp:// or file.
WEB_ONLY = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting with https:// or http://.")
)


class OutcomeReportForm(forms.Form):
    key_messages = forms.CharField(
        label=_("Key messages"),
        max_length=KEY_MESSAGES_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The main messages of the session, one per line."),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        max_length=RECOMMENDATIONS_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the session recommends, one per line."),
    )
    action_lines = forms.ModelMultipleChoiceField(
        label=_("WSIS Action Lines"),
        queryset=ActionLine.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The Outcome Document lists the session under each Action Line you tick."),
        error_messages={"required": _("Tick at least one Action Line the session addressed.")},
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=SDG.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    slides_url = forms.URLField(
        label=_("Link to the slides"),
        required=False,
        assume_scheme="https",
        validators=[WEB_ONLY],
        help_text=_("A web address starting with https://, for instance a shared PDF."),
    )
    recording_url = forms.URLField(
        label=_("Link to the recording"),
        required=False,
        assume_scheme="https",
        validators=[WEB_ONLY],
        help_text=_("A web address of the session's video or audio recording."),
    )

    def __init__(self, *args: Any, report: OutcomeReport | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if report is not None and not self.is_bound:
            self.initial.update(
                key_messages=report.key_messages,
                recommendations=report.recommendations,
                action_lines=list(report.action_lines.all()),
                sdgs=list(report.sdgs.all()),
                slides_url=report.slides_url,
                recording_url=report.recording_url,
            )
