from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Agency


class AgencyProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a full web address, such as https://www.itu.int.")},
    )

    class Meta:
        model = Agency
        fields = ["website", "description", "logo"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
