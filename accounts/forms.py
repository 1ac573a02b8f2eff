from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wsis_portal.widgets import QuickSelect

from .models import StakeholderProfile
from .services import profile_update

telephone_validator = RegexValidator(
    r"^\+?[0-9 ()./-]{6,30}$",
    _(
        "Enter a telephone number with digits, spaces and an optional leading +, e.g. +41 22 730 5111."
    ),
)


class ProfileForm(forms.ModelForm):
    telephone = forms.CharField(
        label=_("Telephone"), required=False, max_length=40, validators=[telephone_validator]
    )

    class Meta:
        model = StakeholderProfile
        fields = [
            "full_name",
            "organisation_name",
            "organisation_country",
            "stakeholder_type",
            "job_title",
            "telephone",
        ]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation_country": QuickSelect,
        }


class SignupProfileForm(ProfileForm):
    """The profile fields asked at sign-up; allauth calls ``signup`` once the user exists."""

    def signup(self, request, user) -> None:
        profile_update(user=user, data=self.cleaned_data)
