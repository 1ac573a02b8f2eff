from django.contrib.auth.models import Group, Permission

from .roles import ALL_GROUPS, SECRETARIAT, SECRETARIAT_APPS, SECRETARIAT_PORTAL_PERMISSIONS


def ensure_groups(**kwargs) -> None:
    """Create the portal's groups and set the Secretariat's permissions to those of the portal apps.

    Runs after each migrate, when Django has created the permissions of new models. The
    Secretariat's permissions are *set*, not added to: a permission granted by hand outside
    the portal apps (groups, permissions, sessions, lockouts: the superuser's ground) is taken
    away again on the next migrate. What the Secretariat may do with user accounts is limited
    further in `accounts.admin` (stakeholder accounts only).
    """
    for name in ALL_GROUPS:
        Group.objects.get_or_create(name=name)
    secretariat = Group.objects.get(name=SECRETARIAT)
    secretariat.permissions.set(
        Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
        | Permission.objects.filter(
            content_type__app_label="wsis_portal", codename__in=SECRETARIAT_PORTAL_PERMISSIONS
        )
    )
