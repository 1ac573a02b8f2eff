from django import forms

from .models import Agency


class AgencyProfileForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["website", "description", "logo"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
