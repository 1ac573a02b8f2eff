from django.contrib.auth.models import Group

from accounts.roles import UNGIS_FOCAL_POINT
from tests.factories.accounts import UserFactory
from ungis.models import Agency, FocalPoint


def agency(acronym: str = "ITU") -> Agency:
    return Agency.objects.get(acronym=acronym)


def focal_point(acronym: str = "ITU", *, in_group: bool = True):
    """A user linked to ``acronym`` (and in the focal-point group unless told otherwise)."""
    user = UserFactory()
    if in_group:
        user.groups.add(Group.objects.get_or_create(name=UNGIS_FOCAL_POINT)[0])
    FocalPoint.objects.create(user=user, agency=agency(acronym))
    return user
