"""A Secretariat member (staff, not superuser) cannot raise anyone's privileges in the admin."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.roles import SECRETARIAT
from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(client):
    user = UserFactory(is_staff=True, groups=[SECRETARIAT])
    client.force_login(user)
    return user


def _user_form(user, **extra):
    data = {
        "email": user.email,
        "is_active": "on",
        "last_login_0": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        "profile-TOTAL_FORMS": "0",
        "profile-INITIAL_FORMS": "0",
        "profile-MIN_NUM_FORMS": "0",
        "profile-MAX_NUM_FORMS": "1",
    }
    data.update(extra)
    return data


def test_secretariat_cannot_make_itself_superuser(client, secretary):
    client.post(
        f"/admin/accounts/user/{secretary.pk}/change/",
        _user_form(secretary, is_staff="on", is_superuser="on"),
    )
    secretary.refresh_from_db()
    assert not secretary.is_superuser


def test_secretariat_cannot_give_a_stakeholder_staff_groups_or_permissions(client, secretary):
    stakeholder = StakeholderFactory()
    group = Group.objects.get(name=SECRETARIAT)
    response = client.post(
        f"/admin/accounts/user/{stakeholder.pk}/change/",
        _user_form(stakeholder, is_staff="on", is_superuser="on", groups=[group.pk]),
    )
    assert response.status_code == 302
    stakeholder.refresh_from_db()
    assert not stakeholder.is_staff and not stakeholder.is_superuser
    assert not stakeholder.groups.exists()


def test_secretariat_user_form_hides_privilege_fields(client, secretary):
    stakeholder = StakeholderFactory()
    body = client.get(f"/admin/accounts/user/{stakeholder.pk}/change/").content.decode()
    for field in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{field}"' not in body


def test_secretariat_cannot_set_a_superusers_password(client, secretary):
    boss = UserFactory(is_staff=True, is_superuser=True)
    response = client.post(
        f"/admin/accounts/user/{boss.pk}/password/",
        {"password1": "taken-over-9876", "password2": "taken-over-9876", "usable_password": "true"},
    )
    assert response.status_code in (302, 403, 404)
    boss.refresh_from_db()
    assert boss.check_password(DEFAULT_PASSWORD)


def test_secretariat_cannot_change_another_staff_members_account(client, secretary):
    colleague = UserFactory(is_staff=True, groups=[SECRETARIAT])
    assert client.get(f"/admin/accounts/user/{colleague.pk}/change/").status_code in (302, 403)
    client.post(
        f"/admin/accounts/user/{colleague.pk}/change/",
        _user_form(colleague, email="attacker@example.org"),
    )
    colleague.refresh_from_db()
    assert colleague.email != "attacker@example.org"


def test_secretariat_cannot_attach_an_email_address_to_a_superuser(client, secretary):
    """An address added to a superuser would let its owner reset the superuser's password."""
    boss = UserFactory(is_staff=True, is_superuser=True)
    client.post(
        "/admin/account/emailaddress/add/",
        {"user": boss.pk, "email": "attacker@example.org", "verified": "on", "primary": "on"},
    )
    assert not EmailAddress.objects.filter(email="attacker@example.org").exists()
    address = EmailAddress.objects.get(user=boss)
    client.post(
        f"/admin/account/emailaddress/{address.pk}/change/",
        {"user": boss.pk, "email": "attacker@example.org", "verified": "on", "primary": "on"},
    )
    address.refresh_from_db()
    assert address.email == boss.email


def test_secretariat_still_manages_stakeholder_accounts(client, secretary):
    stakeholder = StakeholderFactory()
    response = client.post(
        f"/admin/accounts/user/{stakeholder.pk}/change/",
        _user_form(stakeholder, email="renamed@example.org", is_active=""),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    stakeholder.refresh_from_db()
    assert stakeholder.email == "renamed@example.org"


def test_superuser_still_grants_privileges(admin_client):
    stakeholder = StakeholderFactory()
    group = Group.objects.get(name=SECRETARIAT)
    response = admin_client.post(
        f"/admin/accounts/user/{stakeholder.pk}/change/",
        _user_form(stakeholder, is_staff="on", groups=[group.pk]),
    )
    assert response.status_code == 302
    stakeholder.refresh_from_db()
    assert stakeholder.is_staff and stakeholder.groups.filter(pk=group.pk).exists()


def test_ensure_groups_takes_back_permissions_granted_outside_the_portal_apps():
    from django.contrib.auth.models import Permission

    from accounts.signals import ensure_groups

    group = Group.objects.get(name=SECRETARIAT)
    group.permissions.add(Permission.objects.get(codename="change_group"))
    ensure_groups()
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert "auth" not in labels
    assert group.permissions.filter(codename="change_user").exists()
