"""The portal's admin site: Django's, with the navigation's list of sections built once.

Every admin page builds the list of every section and model the person may see (the
sidebar, ``available_apps``): a permission check and two ``reverse()`` per model, and a
translated, sorted name for each, for 50 models; about a tenth of an admin list's time
(issue 16, item 5). What it returns depends only on the person's permissions, the language
and the address prefix, so each process keeps it per such key for a minute (permissions
change through the admin, rarely, and the key sees a change at once: it holds them).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import get_script_prefix
from django.utils.translation import get_language

APP_LIST_SECONDS = 60
_MAX_KEYS = 256


class PortalAdminSite(admin.AdminSite):
    """``admin.site`` (see ``PortalAdminConfig``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._app_lists: dict[tuple, tuple[float, list]] = {}
        self._app_lists_lock = threading.Lock()

    def _app_list_key(self, request: Any) -> tuple | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        # A superuser passes every check (User.has_perm), so its permissions are not read.
        perms = None if user.is_superuser else frozenset(user.get_all_permissions())
        return (user.is_superuser, user.is_staff, perms, get_language(), get_script_prefix())

    def get_app_list(self, request: Any, app_label: str | None = None) -> list:
        key = None if app_label is not None else self._app_list_key(request)
        if key is None:
            return super().get_app_list(request, app_label)
        now = time.monotonic()
        cached = self._app_lists.get(key)
        if cached is None or cached[0] <= now:
            cached = (now + APP_LIST_SECONDS, super().get_app_list(request))
            with self._app_lists_lock:
                if len(self._app_lists) >= _MAX_KEYS:
                    self._app_lists.clear()
                self._app_lists[key] = cached
        # A caller may change the dicts it gets; the cached ones stay as built.
        return [{**app, "models": [dict(model) for model in app["models"]]} for app in cached[1]]


class PortalAdminConfig(AdminConfig):
    default_site = "wsis_portal.admin_site.PortalAdminSite"
