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


def test_third_party_sections_say_what_they_hold(admin_client):
    response = admin_client.get(reverse("admin:index"))
    names = {str(app["name"]) for app in response.context["app_list"]}
    assert "Roles: groups and their permissions" in names
    assert "Sign-in security: failed attempts and lockouts" in names
    assert not names & {"Authentication and Authorization", "Axes", "Accounts"}


BUSY_LISTS = {
    "prizes.Vote": "cast_at",
    "prizes.Project": "submitted_at",
    "stocktaking.Entry": "created_at",
    "stocktaking.EntryRevision": "created_at",
    "consultations.Submission": "created_at",
    "consultations.Comment": "created_at",
    "forum.Registration": "created_at",
    "wsis_portal.OutboxMessage": "created_at",
    "wsis_portal.ActivityLog": "at",
}


def test_busy_lists_drill_down_by_date_and_filter(admin_client):
    registered = {
        model._meta.label: model_admin for model, model_admin in admin.site._registry.items()
    }
    for label, field in BUSY_LISTS.items():
        model_admin = registered[label]
        assert model_admin.date_hierarchy == field, label
        assert model_admin.list_filter, label
        opts = model_admin.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert admin_client.get(url + "?" + f"{field}__year=2031").status_code == 200, label


def test_subscriptions_pick_the_discussion_by_autocomplete():
    from consultations.models import Subscription

    assert "discussion" in admin.site._registry[Subscription].autocomplete_fields
