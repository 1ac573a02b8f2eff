from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forum.models import SDG

from .models import ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_PROJECT, Category, ExpertScore, Project


def _attachments_help() -> str:
    return gettext(
        "Up to %(limit)s files per project: PDF, PNG or JPEG, at most %(mb)s MB each."
    ) % {"limit": ATTACHMENTS_PER_PROJECT, "mb": ATTACHMENT_MAX_BYTES // 1_048_576}


ATTACHMENTS_HELP = lazy(_attachments_help, str)()


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type="file" multiple>; each is checked by the service
    (type, content and size) so that the whole batch is accepted or refused."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class AttachmentsForm(forms.Form):
    """Add files to an existing project (a form of its own, so it works without JavaScript)."""

    attachments = MultipleFileField(
        label=_("Add attachments"), required=True, help_text=ATTACHMENTS_HELP
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].widget.attrs["aria-describedby"] = "id_attachments_help"


class ProjectForm(forms.ModelForm):
    """A project entry; the model checks the word count and the organisation rule."""

    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals it advances"),
        queryset=SDG.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    attachments = MultipleFileField(
        label=_("Attachments"), required=False, help_text=ATTACHMENTS_HELP
    )

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
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, contest, submitter, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # An existing project's files are added and removed on their own forms.
            del self.fields["attachments"]
        self.instance.contest = contest
        self.instance.submitter = submitter
        category_field = self.fields["category"]
        assert isinstance(category_field, forms.ModelChoiceField)
        category_field.queryset = Category.objects.filter(contest=contest).select_related(
            "action_line"
        )
        category_field.empty_label = _("Choose the Action Line of your project")
        category_field.label_from_instance = lambda obj: str(obj.action_line)  # type: ignore[method-assign]
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
