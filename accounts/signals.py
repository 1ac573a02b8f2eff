from django.contrib.auth.models import Group, Permission

from .roles import ALL_GROUPS, SECRETARIAT, SECRETARIAT_APPS


def ensure_groups(**kwargs) -> None:
    """Create the portal's groups and give the Secretariat every permission of the portal apps.

    Runs after each migrate, when Django has created the permissions of new models.
    """
    for name in ALL_GROUPS:
        Group.objects.get_or_create(name=name)
    secretariat = Group.objects.get(name=SECRETARIAT)
    secretariat.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
    )
