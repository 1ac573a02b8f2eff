from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import AttendanceMode


class RegistrationForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How will you take part?"),
        choices=AttendanceMode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you will attend in person or remotely.")},
    )
