"""The portal's admin site: Django's, with the navigation's sections built once.

Every admin page builds the list of every section and model the person may see (the
sidebar, ``available_apps``): a permission check and two ``reverse()`` per model, and a
translated, sorted name for each, for 50 models; then renders it as the sidebar. Together
about a fifth of an admin list's time (issue 16, item 5). Both depend only on the person's
permissions, the language and the address prefix (the sidebar also on the address), so each
process keeps them per such key for a minute: permissions change rarely, and a change is
seen at once because the key holds them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import get_script_prefix
from django.utils.translation import get_language

KEEP_SECONDS = 60
_MAX_KEYS = 512

T = TypeVar("T")


class PortalAdminSite(admin.AdminSite):
    """``admin.site`` (see ``PortalAdminConfig``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept: dict[tuple, tuple[float, Any]] = {}
        self._kept_lock = threading.Lock()

    def app_list_key(self, request: Any) -> tuple | None:
        """What the list of sections depends on; None when it is not to be kept."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        # A superuser passes every check (User.has_perm), so its permissions are not read.
        perms = None if user.is_superuser else frozenset(user.get_all_permissions())
        return (user.is_superuser, user.is_staff, perms, get_language(), get_script_prefix())

    def kept(self, key: tuple, build: Callable[[], T]) -> T:
        """``build()``'s value, kept under ``key`` for ``KEEP_SECONDS`` in this process."""
        now = time.monotonic()
        entry = self._kept.get(key)
        if entry is None or entry[0] <= now:
            entry = (now + KEEP_SECONDS, build())
            with self._kept_lock:
                if len(self._kept) >= _MAX_KEYS:
                    self._kept.clear()
                self._kept[key] = entry
        return entry[1]

    def get_app_list(self, request: Any, app_label: str | None = None) -> list:
        key = None if app_label is not None else self.app_list_key(request)
        if key is None:
            return super().get_app_list(request, app_label)
        app_list = self.kept(
            ("apps", *key), lambda: super(PortalAdminSite, self).get_app_list(request)
        )
        # A caller may change the dicts it gets; the kept ones stay as built.
        return [{**app, "models": [dict(model) for model in app["models"]]} for app in app_list]


class PortalAdminConfig(AdminConfig):
    default_site = "wsis_portal.admin_site.PortalAdminSite"
