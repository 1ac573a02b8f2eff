"""Forms of the programme pipeline: a proposal with its speakers, a review, a decision, a
placement and a speaker's confirmation."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wsis_portal.uploads import IMAGE_TYPES, UploadValidator

from ..models import SDG, ActionLine, Person, Proposal, ProposalCall, ProposalSpeaker, Room
from ..programme.models import PHOTO_MAX_BYTES
from .selectors import MAX_SPEAKERS, abstract_check, edition_days


class ProposalForm(forms.ModelForm):
    action_lines = forms.ModelMultipleChoiceField(
        queryset=ActionLine.objects.all(),
        label=_("Action Lines"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdgs = forms.ModelMultipleChoiceField(
        queryset=SDG.objects.all(),
        label=_("SDGs"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_days = forms.TypedMultipleChoiceField(
        label=_("Preferred days"),
        required=False,
        coerce=date.fromisoformat,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Proposal
        fields = ["title", "building_block", "format", "abstract", "remote_needs"]
        widgets = {
            "abstract": forms.Textarea(attrs={"rows": 8}),
            "remote_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, call: ProposalCall, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        cast(forms.ChoiceField, self.fields["preferred_days"]).choices = [
            (day.isoformat(), date_format(day, "l j F")) for day in edition_days(call)
        ]
        self.fields["abstract"].help_text = _("At most %(n)d words.") % {
            "n": call.abstract_word_limit
        }
        cast(forms.ModelChoiceField, self.fields["building_block"]).empty_label = None
        if self.instance.pk:
            self.initial["preferred_days"] = list(self.instance.preferred_days)

    def clean_abstract(self) -> str:
        abstract = self.cleaned_data.get("abstract", "")
        try:
            abstract_check(call=self.call, abstract=abstract)
        except ValidationError as error:
            raise ValidationError(error.message_dict["abstract"]) from error
        return abstract


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = ProposalSpeaker
        fields = ["name", "organisation", "country", "email"]


class BaseSpeakerFormSet(forms.BaseModelFormSet):
    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            email = (form.cleaned_data or {}).get("email")
            if email and not form.cleaned_data.get("DELETE"):
                if email.lower() in seen:
                    form.add_error("email", _("Each speaker needs their own email address."))
                seen.add(email.lower())

    def speakers(self) -> list[dict[str, Any]]:
        """The rows filled in and not deleted, as the service takes them."""
        rows = []
        for form in self.forms:
            data = form.cleaned_data or {}
            if data and not data.get("DELETE"):
                rows.append({key: data[key] for key in SpeakerForm.Meta.fields})
        return rows


SpeakerFormSet = forms.modelformset_factory(
    ProposalSpeaker,
    form=SpeakerForm,
    formset=BaseSpeakerFormSet,
    extra=2,
    max_num=MAX_SPEAKERS,
    validate_max=True,
    can_delete=True,
)


class ReviewForm(forms.Form):
    """One number field per criterion of the call, and a comment."""

    comment = forms.CharField(
        label=_("Comment for the Secretariat"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, criteria: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name,
                min_value=0,
                max_value=criterion.max_score,
                help_text=_("From 0 to %(max)d. %(what)s")
                % {"max": criterion.max_score, "what": criterion.description},
            )

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accepted", _("Accept")),
            ("rejected", _("Do not accept")),
            ("merged", _("Merge into another proposal")),
        ],
        widget=forms.RadioSelect,
    )
    merge_into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Proposal.objects.none(),
        required=False,
        help_text=_("Only for a merge: the proposal this one joins."),
    )
    reason = forms.CharField(
        label=_("Reason, sent to the proposer"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, merge_targets: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if merge_targets is not None:
            cast(forms.ModelChoiceField, self.fields["merge_into"]).queryset = merge_targets

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "merged" and not data.get("merge_into"):
            self.add_error("merge_into", _("Choose the proposal this one is merged into."))
        return data


class PlacementForm(forms.Form):
    """Where and when one session takes place: a room, a day of the edition, two times."""

    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none())
    day = forms.TypedChoiceField(label=_("Day"), coerce=date.fromisoformat)
    starts = forms.TimeField(
        label=_("Starts (Geneva time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    ends = forms.TimeField(
        label=_("Ends (Geneva time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )

    def __init__(self, *args: Any, rooms: Any, days: list[date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["room"]).queryset = rooms
        # Days outside the edition are offered too: the service refuses them with its message.
        cast(forms.ChoiceField, self.fields["day"]).choices = [
            (d.isoformat(), date_format(d, "l j F Y")) for d in days
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The session must end after it starts."))
        return data


class SpeakerDetailsForm(forms.ModelForm):
    """What a speaker adds through their private link for the speakers page."""

    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        validators=[UploadValidator(IMAGE_TYPES, PHOTO_MAX_BYTES)],
        help_text=_("A PNG, JPEG or WebP image of at most 2 MB."),
    )

    class Meta:
        model = Person
        fields = ["name", "position", "organisation", "country", "biography", "photo"]
        widgets = {"biography": forms.Textarea(attrs={"rows": 4})}
