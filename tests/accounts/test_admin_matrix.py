"""The role x admin permission matrix, generated from the admin registry.

Every model registered in the admin, every page of it (list, add, change, delete, history),
every custom admin view (`get_urls`) and every admin action is opened as each role, and the
answer is compared with the explicit table in `admin_matrix.py`. A model, view or action
added to the admin without a row in that table fails here. docs/roles.md shows the same table
(`python -m tests.accounts.admin_matrix` rewrites it).
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.accounts import admin_matrix
from tests.accounts.admin_world import ROLES, build_world, first_of, role_users

pytestmark = pytest.mark.django_db

PAGES = ("changelist", "add", "change", "delete", "history")
STANDARD = {"changelist", "add", "change", "delete", "history"}
# Registries whose users are people: their pages are also opened on a staff member's object.
USER_LINKED = ("accounts.User", "accounts.StakeholderProfile", "account.EmailAddress")


def _answer(response, *, page: str) -> str:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return "login"
        if location == reverse("admin:index"):
            return "hidden"
        return "redirect"
    if response.status_code == 200:
        if page == "change" and b'name="_save"' not in response.content:
            return "read"
        return "ok"
    return str(response.status_code)


def _custom_views(model_admin) -> list[tuple[str, bool]]:
    """(url name, needs an object id) of each URL the ModelAdmin adds to Django's own."""
    opts = model_admin.model._meta
    prefix = f"{opts.app_label}_{opts.model_name}_"
    views = []
    for pattern in model_admin.get_urls():
        name = pattern.name
        if not name or (name.startswith(prefix) and name[len(prefix) :] in STANDARD):
            continue
        views.append((name, "<" in str(pattern.pattern)))
    return views


def _observe(clients, users, world, staff_targets) -> dict[tuple[str, str], tuple[str, ...]]:
    rf = RequestFactory()
    observed: dict[tuple[str, str], tuple[str, ...]] = {}
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        opts = model._meta
        obj = world.get(label) or first_of(model)
        assert obj is not None, f"admin_world builds no {label}: add one to build_world()"
        targets = [("", obj)]
        if label in USER_LINKED:
            targets.append((" (staff account)", staff_targets[label]))
        for suffix, target in targets:
            for page in PAGES:
                if suffix and page in ("changelist", "add"):
                    continue
                name = f"admin:{opts.app_label}_{opts.model_name}_{page}"
                args = [] if page in ("changelist", "add") else [target.pk]
                url = reverse(name, args=args)
                observed[(label, page + suffix)] = tuple(
                    _answer(clients[role].get(url), page=page) for role in ROLES
                )
            for view_name, needs_object in _custom_views(model_admin):
                url = reverse(f"admin:{view_name}", args=[target.pk] if needs_object else [])
                if suffix and not needs_object:
                    continue
                observed[(label, f"view {view_name}{suffix}")] = tuple(
                    _answer(clients[role].get(url), page="view") for role in ROLES
                )
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        for action in model_admin.actions or []:
            action_name = action if isinstance(action, str) else action.__name__
            answers = []
            for role in ROLES:
                user = users[role]
                if user is None or not user.is_staff:
                    response = clients[role].post(
                        changelist, {"action": action_name, "_selected_action": [obj.pk]}
                    )
                    answers.append(_answer(response, page="action"))
                    continue
                request = rf.get(changelist)
                request.user = user
                offered = action_name in model_admin.get_actions(request)
                answers.append("yes" if offered else "no")
            observed[(label, f"action {action_name}")] = tuple(answers)
        # Django's site-wide delete action, offered on every list with the delete permission.
        answers = []
        for role in ROLES:
            user = users[role]
            if user is None or not user.is_staff:
                answers.append("login")
                continue
            request = rf.get(changelist)
            request.user = user
            answers.append("yes" if "delete_selected" in model_admin.get_actions(request) else "no")
        observed[(label, "action delete_selected")] = tuple(answers)
    return observed


def test_admin_permission_matrix_matches_the_table():
    users = role_users()
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if users[role] is not None:
            clients[role].force_login(users[role])
    world, staff_targets = build_world()

    observed = _observe(clients, users, world, staff_targets)
    expected = admin_matrix.EXPECTED

    missing = sorted(set(observed) - set(expected))
    assert not missing, "Admin pages or actions without a row in admin_matrix.EXPECTED:\n" + (
        "\n".join(f"    {key!r}: {observed[key]!r}," for key in missing)
    )
    stale = sorted(set(expected) - set(observed))
    assert not stale, f"Rows of admin_matrix.EXPECTED that the admin no longer has: {stale}"
    wrong = {
        key: (expected[key], observed[key]) for key in expected if expected[key] != observed[key]
    }
    assert not wrong, "Answers that differ (expected, observed):\n" + "\n".join(
        f"    {key!r}: {pair!r}" for key, pair in sorted(wrong.items())
    )


def test_roles_doc_shows_the_matrix():
    doc = admin_matrix.DOC.read_text()
    assert admin_matrix.render_markdown() in doc, (
        "docs/roles.md is out of date: run `python -m tests.accounts.admin_matrix`"
    )


def test_every_portal_admin_action_declares_the_permission_it_needs():
    """An action without `permissions=` runs for anyone who may merely view the list."""
    undeclared = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in ("axes",):  # django-axes: superusers only (no group has it)
            continue
        for action in model_admin.actions or []:
            function = getattr(model_admin, action) if isinstance(action, str) else action
            if not getattr(function, "allowed_permissions", None):
                undeclared.append(f"{model._meta.label}.{getattr(function, '__name__', action)}")
    assert not undeclared, undeclared
