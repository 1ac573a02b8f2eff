from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from wsis_portal.registry import MySection, registry

from .models import StakeholderProfile, User


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that requires a signed-in one (a login_required view, the admin)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def user_has_verified_email(*, user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def user_has_verified_address(*, user: User | AnonymousUser, email: str) -> bool:
    """Whether this signed-in user has confirmed ``email`` (allauth), so mail to it is theirs."""
    if not user.is_authenticated or not email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def profile_for(*, user: User) -> StakeholderProfile | None:
    return StakeholderProfile.objects.filter(user=user).first()


def my_sections(*, user: User) -> list[MySection]:
    """Every app's block for the signed-in user's dashboard, in registration order."""
    sections: list[MySection] = []
    for provider in registry.my:
        sections.extend(provider(user))
    return sections
