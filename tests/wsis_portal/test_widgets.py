"""``QuickSelect`` writes the same select as Django's templates, only faster."""

import re

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from accounts.forms import ProfileForm
from wsis_portal.widgets import QuickSelect

CHOICES = [
    ("", "---------"),
    ("Europe", [("CH", "Switzerland"), ("FR", "France & <Monaco>")]),
    ("KE", 'Kenya "KE"'),
]


def _tight(html: str) -> str:
    return re.sub(r">\s+<", "><", html)


@pytest.mark.parametrize("value", [None, "FR", "KE"])
def test_quick_select_writes_what_the_template_writes(value):
    attrs = {"id": "id_country", "required": True, "disabled": False, "data-x": "a&b"}
    django = forms.Select(choices=CHOICES).render("country", value, attrs=attrs)
    quick = QuickSelect(choices=CHOICES).render("country", value, attrs=attrs)
    assert _tight(quick) == _tight(django)
    assert " selected" in quick


@pytest.mark.parametrize("value", [None, "", "1", 2, ["x"]])
def test_quick_select_chooses_and_escapes_as_django(value):
    """Lazy labels, a repeated value (only its first option is selected), an unnamed group."""
    choices = [
        (None, gettext_lazy("Any")),
        (1, "One <1>"),
        ("1", "One again"),
        ("", [("2", mark_safe("<b>Two</b>")), ("x", gettext_lazy("Yes"))]),
        ("G & H", [("3", "Three")]),
    ]
    django = forms.Select(choices=choices).render("n", value, attrs={"id": "id_n"})
    quick = QuickSelect(choices=choices).render("n", value, attrs={"id": "id_n"})
    assert _tight(quick) == _tight(django)


def test_profile_form_uses_it_for_the_country():
    form = ProfileForm()
    assert isinstance(form.fields["organisation_country"].widget, QuickSelect)
    html = str(form["organisation_country"])
    assert '<option value="CH">Switzerland</option>' in html


def test_consultation_submission_form_uses_it_for_the_country():
    from consultations.forms import SubmissionForm

    form = SubmissionForm()
    assert isinstance(form.fields["organisation_country"].widget, QuickSelect)
    assert '<option value="CH">Switzerland</option>' in str(form["organisation_country"])
