"""No admin form loads a large table into a select (issue 14, item 9).

With a few hundred users, entries, projects, sessions, people, discussions and comments,
every add and change page of every model registered in the admin (the list comes from the
admin registry, so a new model is covered) is opened and its <select> elements counted: none
may offer more than ``MAX_OPTIONS``. Large relations use autocomplete or a raw id instead.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from accounts.models import User
from consultations.models import Comment, Discussion
from forum.models import BuildingBlock, Person, Session
from prizes.models import Project
from stocktaking.models import Entry
from tests.accounts.admin_world import build_world, first_of
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

MAX_OPTIONS = 100
MANY = 150
# Selects allowed to be long, each with its reason.
EXEMPT = {
    # The portal's own permissions: a fixed list of the code, not a table that grows; Django's
    # two-pane filter widget is made for it.
    ("auth.Group", "permissions"),
    ("accounts.User", "user_permissions"),
}
SELECT = re.compile(r"<select\b[^>]*\sname=\"([^\"]+)\"[^>]*>(.*?)</select>", re.S)


def _relation_names() -> set[str]:
    """Names of the fields that point to a table; a long list of fixed choices (the
    countries) is not a table that grows, and is chosen by typing in the select."""
    return {
        field.name
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created
    }


def _many_rows(world) -> None:
    """MANY rows in each table that grows with the portal's people and their content."""
    owner = world["accounts.User"]
    users = User.objects.bulk_create(
        User(email=f"many{i}@example.org", password="!") for i in range(MANY)
    )
    Entry.objects.bulk_create(
        Entry(
            title=f"Entry {i}",
            description="An entry.",
            organisation="Org",
            stakeholder_type="civil_society",
            country="CH",
            start_year=2020,
            submitter=owner,
        )
        for i in range(MANY)
    )
    project = world["prizes.Project"]
    Project.objects.bulk_create(
        Project(
            contest=project.contest,
            category=project.category,
            title=f"Project {i}",
            description=project.description,
            organisation=f"Org {i}",
            country="KE",
            stakeholder_type="civil_society",
            submitter=users[i],
        )
        for i in range(MANY)
    )
    session = world["forum.Session"]
    Session.objects.bulk_create(
        Session(
            edition=session.edition,
            building_block=BuildingBlock.objects.first(),
            title=f"Session {i}",
            starts_at=session.starts_at,
            ends_at=session.ends_at,
        )
        for i in range(MANY)
    )
    Person.objects.bulk_create(Person(name=f"Person {i}") for i in range(MANY))
    discussion = world["consultations.Discussion"]
    discussions = Discussion.objects.bulk_create(
        Discussion(consultation=discussion.consultation, title=f"Topic {i}", body="Body")
        for i in range(MANY)
    )
    Comment.objects.bulk_create(
        Comment(discussion=discussions[i], author=owner, body=f"Comment {i}") for i in range(MANY)
    )


def _long_selects(body: str) -> list[tuple[str, int]]:
    return [
        (name, options)
        for name, inner in SELECT.findall(body)
        if (options := inner.count("<option")) > MAX_OPTIONS
    ]


def test_no_admin_form_offers_a_select_of_more_than_100_options(client):
    world, _staff = build_world()
    _many_rows(world)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    relations = _relation_names()
    too_long = []
    for model, _model_admin in admin.site._registry.items():
        opts = model._meta
        obj = world.get(opts.label) or first_of(model)
        pages = [reverse(f"admin:{opts.app_label}_{opts.model_name}_add")]
        if obj is not None:
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        for url in pages:
            response = client.get(url)
            if response.status_code != 200:
                continue  # a page the admin refuses (no add permission) has no form
            for name, options in _long_selects(response.content.decode()):
                field = name.rsplit("-", 1)[-1]
                if field in relations and (opts.label, field) not in EXEMPT:
                    too_long.append(f"{url} {name}: {options} options")
    assert not too_long, "\n".join(too_long)


def test_the_rule_would_see_a_long_select():
    body = '<select name="user">' + "<option>x</option>" * 101 + "</select>"
    assert _long_selects(body) == [("user", 101)]
