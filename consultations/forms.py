"""Validation of what people type in the consultation forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import telephone_validator
from forum.models import SDG, ActionLine
from wsis_portal.widgets import QuickSelect

from .enums import CommentFormat, Language
from .models import Nomination, Submission
from .services import SUBMISSION_FIELDS


class SubmissionForm(forms.ModelForm):
    telephone = forms.CharField(
        label=_("Telephone"), required=False, max_length=40, validators=[telephone_validator]
    )
    action_lines = forms.ModelMultipleChoiceField(
        label=_("Suggested Action Lines"),
        queryset=ActionLine.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Suggested SDGs"),
        queryset=SDG.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Submission
        fields = [*SUBMISSION_FIELDS, "action_lines", "sdgs"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            # ~250 countries: written in Python, not an option template each.
            "organisation_country": QuickSelect,
            "input_kind": forms.RadioSelect,
            "event_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "input_kind": _(
                "Regional and national WSIS events enter their outcomes as a formal "
                "submission: give the event's name, place and date."
            ),
            "thematic_aspects": _("Themes you would like the Forum to address."),
            "format_innovations": _("Ideas to improve the Forum's format."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.label = _("%(label)s (required)") % {"label": field.label}

    def clean(self):
        cleaned = super().clean() or {}
        if not (cleaned.get("thematic_aspects") or cleaned.get("format_innovations")):
            self.add_error(
                "thematic_aspects",
                _("Propose at least one thematic aspect or one innovation for the format."),
            )
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text=_("Plain text, or Markdown for emphasis, lists, quotes and links."),
    )
    body_format = forms.ChoiceField(
        label=_("Format"),
        choices=CommentFormat.choices,
        initial=CommentFormat.PLAIN,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before posting."))
        return body


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it? (optional)"), required=False, max_length=300
    )


class NominationForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = [
            "nominee_name",
            "nominee_email",
            "organisation",
            "stakeholder_group",
            "justification",
        ]


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown in place of a hidden comment)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LostLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("The e-mail address you gave in your submission"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
