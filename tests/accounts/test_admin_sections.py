"""An admin a person can find their way in (issue 14, item 9)."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_admin_section_has_its_own_name(admin_client):
    response = admin_client.get(reverse("admin:index"))
    names = [str(app["name"]) for app in response.context["app_list"]]
    assert len(names) == len(set(names)), names
    assert "Sign-in: email addresses" in names
    assert "People: users and stakeholder profiles" in names


def test_expert_scores_pick_projects_and_experts_by_autocomplete(admin_client):
    from prizes.models import ExpertScore

    model_admin = admin.site._registry[ExpertScore]
    assert set(model_admin.autocomplete_fields) == {"project", "expert"}
