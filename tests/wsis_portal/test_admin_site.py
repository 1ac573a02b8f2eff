"""The admin's list of sections, kept per permissions and language, is the one Django builds."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin.sites import AdminSite
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.utils import translation

from accounts.models import User
from accounts.roles import SECRETARIAT
from accounts.signals import ensure_groups
from tests.factories.accounts import UserFactory
from wsis_portal.admin_site import PortalAdminSite

pytestmark = pytest.mark.django_db


def request_of(user_id: int):
    request = RequestFactory().get("/admin/")
    # A fresh user each time, as each request loads it: no permission cache carried over.
    request.user = User.objects.get(pk=user_id)
    return request


def model_names(app_list) -> set[str]:
    return {model["object_name"] for app in app_list for model in app["models"]}


def test_the_site_is_the_portals():
    assert isinstance(
        admin.site._wrapped if hasattr(admin.site, "_wrapped") else admin.site, PortalAdminSite
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("role", ["superuser", "secretariat"])
def test_app_list_is_djangos(role, language):
    ensure_groups()
    if role == "superuser":
        user = UserFactory(is_staff=True, is_superuser=True)
    else:
        user = UserFactory(is_staff=True, groups=[SECRETARIAT])
    with translation.override(language):
        first = admin.site.get_app_list(request_of(user.pk))
        cached = admin.site.get_app_list(request_of(user.pk))
        django = AdminSite.get_app_list(admin.site, request_of(user.pk))
    assert first == cached == django
    assert django


def test_a_new_permission_shows_at_once():
    user = UserFactory(is_staff=True)
    assert "Vote" not in model_names(admin.site.get_app_list(request_of(user.pk)))
    user.user_permissions.add(Permission.objects.get(codename="view_vote"))
    assert "Vote" in model_names(admin.site.get_app_list(request_of(user.pk)))


def test_a_caller_changing_its_list_does_not_change_the_next():
    user = UserFactory(is_staff=True, is_superuser=True)
    mine = admin.site.get_app_list(request_of(user.pk))
    mine[0]["models"][0]["name"] = "changed"
    mine.pop()
    assert admin.site.get_app_list(request_of(user.pk)) == AdminSite.get_app_list(
        admin.site, request_of(user.pk)
    )


def test_sidebar_template_is_djangos():
    from wsis_portal.templatetags.admin_sidebar import _djangos_sidebar

    origin = _djangos_sidebar().origin.name
    assert origin.replace("\\", "/").endswith(
        "django/contrib/admin/templates/admin/nav_sidebar.html"
    )


@pytest.mark.parametrize("role", ["superuser", "secretariat"])
def test_kept_sidebar_is_djangos_and_marks_the_current_list(client, role):
    from wsis_portal.templatetags.admin_sidebar import render_djangos_sidebar

    ensure_groups()
    if role == "superuser":
        user = UserFactory(is_staff=True, is_superuser=True)
    else:
        user = UserFactory(is_staff=True, groups=[SECRETARIAT])
    client.force_login(user)
    for url, current in [
        ("/admin/stocktaking/entry/", "model-entry current-model"),
        ("/admin/forum/registration/", "model-registration current-model"),
    ]:
        for _ in range(2):  # built, then kept
            response = client.get(url)
            body = response.content.decode()
            django = render_djangos_sidebar(
                {
                    "request": response.wsgi_request,
                    "available_apps": response.context["available_apps"],
                }
            )
            assert 'id="nav-sidebar"' in django and django in body
            assert current in body and body.count("current-model") == 1
