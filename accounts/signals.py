from django.apps import apps
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
    # post_migrate calls this once per app, in INSTALLED_APPS order, each time after that app's
    # permissions are created: only the last call sees every app's, so the earlier ones are
    # skipped (a flush of the test database sends the signal too, forty times).
    app_config = kwargs.get("app_config")
    if app_config is not None and app_config is not _last_app_with_models():
        return
    for name in ALL_GROUPS:
        Group.objects.get_or_create(name=name)
    secretariat = Group.objects.get(name=SECRETARIAT)
    secretariat.permissions.set(
        Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
        | Permission.objects.filter(
            content_type__app_label="wsis_portal", codename__in=SECRETARIAT_PORTAL_PERMISSIONS
        )
    )


def _last_app_with_models():
    # The apps post_migrate is sent for (emit_post_migrate_signal skips those without models).
    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]
