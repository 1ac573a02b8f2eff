from django import forms
from django.utils.translation import gettext_lazy as _

from forum.models import SDG

from .models import Category, ExpertScore, Project


class ProjectForm(forms.ModelForm):
    """A project entry; the model checks the word count and the organisation rule."""

    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals it advances"),
        queryset=SDG.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Project
        fields = [
            "category",
            "title",
            "description",
            "organisation",
            "country",
            "stakeholder_type",
            "sdgs",
            "website",
            "attachment",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, contest, submitter, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.contest = contest
        self.instance.submitter = submitter
        self.fields["category"].queryset = Category.objects.filter(contest=contest).select_related(
            "action_line"
        )
        self.fields["category"].empty_label = _("Choose the Action Line of your project")
        self.fields["category"].label_from_instance = lambda c: str(c.action_line)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"
        if not self.instance.pk:
            profile = getattr(submitter, "profile", None)
            if profile is not None:
                self.initial.setdefault("organisation", profile.organisation_name)
                self.initial.setdefault("country", profile.organisation_country)
                self.initial.setdefault("stakeholder_type", profile.stakeholder_type)


class ScoreForm(forms.ModelForm):
    class Meta:
        model = ExpertScore
        fields = ["score", "comment"]
        widgets = {
            "score": forms.NumberInput(attrs={"min": 1, "max": 10}),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
