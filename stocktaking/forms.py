from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forum.models import SDG, ActionLine

from .models import Entry


class EntryForm(forms.ModelForm):
    """What a stakeholder types for a new entry, a draft or an update."""

    action_lines = forms.ModelMultipleChoiceField(
        label=_("WSIS Action Lines"),
        queryset=ActionLine.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one."),
        error_messages={"required": _("Choose at least one WSIS Action Line.")},
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=SDG.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Entry
        fields = [
            "title",
            "description",
            "organisation",
            "stakeholder_type",
            "country",
            "start_year",
            "website",
            "contact_email",
        ]
        help_texts = {
            "contact_email": _(
                "Only the WSIS Secretariat sees this address; it is never published."
            ),
            "description": _("What the project does, for whom, and what it has achieved."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    def __init__(self, *args, entry: Entry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if entry is not None and entry.pk and not self.is_bound:
            self.initial.setdefault("action_lines", list(entry.action_lines.all()))
            self.initial.setdefault("sdgs", list(entry.sdgs.all()))


class DecisionForm(forms.Form):
    """The reason the secretariat gives with a publish or reject decision."""

    reason = forms.CharField(
        label=_("Reason sent to the submitter"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, reason_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if reason_required:
            self.fields["reason"].error_messages["required"] = _(
                "Give the submitter a reason for the rejection."
            )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of legacy entries"),
        help_text=_(
            "UTF-8 CSV with a header row: title, description, organisation, stakeholder_type, "
            "country, action_lines, sdgs, start_year, website, contact_email, success_story, "
            "report_year. Action Lines and SDGs are separated by semicolons."
        ),
    )
