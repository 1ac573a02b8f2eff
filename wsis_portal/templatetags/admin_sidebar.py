"""The admin's navigation sidebar, rendered once per person's sections and address.

Django renders ``admin/nav_sidebar.html`` on every admin page: every section and model the
person may see (50), with their links and translated labels, about a tenth of a change
list's time. Its HTML depends only on that list of sections (``PortalAdminSite`` keys it by
permissions, language and prefix), on the address (which model is marked current) and on
the language, so it is kept per process under that key for as long as the list itself.
``templates/admin/nav_sidebar.html`` calls this tag; the HTML is Django's own template's.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib import admin
from django.utils.safestring import SafeString, mark_safe

from wsis_portal.admin_site import PortalAdminSite

register = template.Library()

NAME = "admin/nav_sidebar.html"


def _djangos_sidebar() -> Any:
    """Django's admin/nav_sidebar.html: the one after the portal's own, which calls this tag."""
    engine = template.engines["django"].engine  # type: ignore[attr-defined]
    _ours, origin = engine.find_template(NAME)
    return engine.find_template(NAME, skip=[origin])[0]


def render_djangos_sidebar(context: dict[str, Any]) -> SafeString:
    return mark_safe(_djangos_sidebar().render(template.Context(context, autoescape=True)))


@register.simple_tag(takes_context=True)
def nav_sidebar(context: template.Context) -> SafeString:
    request = context.get("request")
    values = {"request": request, "available_apps": context.get("available_apps")}
    site = admin.site
    if request is None or not isinstance(site, PortalAdminSite):
        return render_djangos_sidebar(values)
    key = site.app_list_key(request)
    if key is None:
        return render_djangos_sidebar(values)
    return site.kept(("sidebar", *key, request.path), lambda: render_djangos_sidebar(values))
