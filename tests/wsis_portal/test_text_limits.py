"""Every free-text field has a maximum length in the model and in the form, refused next to
the field; the search trigger never fails on huge text (issue 10, item 3)."""

from __future__ import annotations

import random
import string

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse

from stocktaking.models import Entry
from tests.factories.stocktaking import CallFactory, EntryFactory, entry_data
from tests.wsis_portal.public_forms import APPS, portal_form_classes

pytestmark = pytest.mark.django_db


def _distinct_words(total_chars: int) -> str:
    rng = random.Random(7)
    words, size = [], 0
    while size < total_chars:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 12)))
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def test_every_text_field_of_the_models_has_a_maximum_length():
    missing = [
        f"{model._meta.label}.{field.name}"
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and field.max_length is None
    ]
    assert missing == []


def test_every_free_text_field_of_the_forms_has_a_maximum_length():
    missing = []
    for cls in portal_form_classes():
        for name, field in cls.base_fields.items():
            free_text = type(field) is forms.CharField
            if free_text and field.max_length is None:
                missing.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert missing == []


def test_a_huge_stocktaking_description_is_refused_next_to_the_field(stakeholder_client):
    CallFactory()
    huge = _distinct_words(1_650_000)
    response = stakeholder_client.post(
        reverse("stocktaking:submit"), entry_data(description=huge, action="submit")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["description"]
    assert "5000" in errors["description"][0] or "5,000" in errors["description"][0]
    assert not Entry.objects.exists()


def test_the_search_trigger_takes_huge_text_written_past_the_forms():
    # An admin import or a script bypasses the forms; the trigger must still not fail.
    entry = EntryFactory(description=_distinct_words(1_650_000))
    entry.refresh_from_db()
    assert entry.search_vector


def test_a_huge_consultation_submission_is_refused_next_to_the_field(client):
    from tests.factories.consultations import consultation_with_phases
    from tests.factories.forum import action_line, sdg

    consultation = consultation_with_phases()
    response = client.post(
        reverse("consultations:submit", args=[consultation.slug]),
        {
            "full_name": "x" * 5000,
            "email": "amina@example.org",
            "organisation_name": "ICT Observatory",
            "organisation_country": "SN",
            "stakeholder_type": "civil_society",
            "input_kind": "individual",
            "thematic_aspects": "y" * 6000,
            "language": "en",
            "action_lines": [str(action_line("C4").pk)],
            "sdgs": [str(sdg(4).pk)],
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"full_name", "thematic_aspects"}
