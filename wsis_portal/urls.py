from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import i18n, views, views_search
from .feeds import OpenCallsFeed

handler404 = "wsis_portal.views.page_not_found"

admin.site.site_header = _("WSIS Forum secretariat")
admin.site.site_title = _("WSIS Forum admin")
admin.site.index_title = _("Portal administration")
# The home shows what needs action now (wsis_portal.dashboard) above the sections.
admin.site.index_template = "admin/portal_index.html"

# Machine and staff addresses: no language in the address (see wsis_portal/i18n.py).
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # The web container's own probe: it serves (docs/deployment.md, "Health checks").
    path("healthz/web", views.healthz_web, name="healthz_web"),
    path("i18n/setlang/", i18n.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", include("wsis_portal.api_urls")),
    # A feed reader has no language switcher: the feed follows its Accept-Language.
    path("feeds/open-calls/", OpenCallsFeed(), name="open_calls_feed"),
]

# Public pages: English at /…, the other languages at /<code>/… (docs/translations.md).
urlpatterns += i18n_patterns(
    # The vote is the busiest request: its address is resolved twice per request (the
    # language middleware, then the handler), so its app comes first (no other app's
    # addresses start with prizes/, so the order changes no match).
    path("prizes/", include("prizes.urls")),
    path("", views.home, name="home"),
    path("open-data/", views.open_data, name="open_data"),
    path("search/", views_search.search, name="site_search"),
    path("styleguide/", views.styleguide, name="styleguide"),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("forum.urls")),
    path("stocktaking/", include("stocktaking.urls")),
    path("consultations/", include("consultations.urls")),
    path("ungis/", include("ungis.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
