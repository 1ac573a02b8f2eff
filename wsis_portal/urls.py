from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views
from .feeds import OpenCallsFeed

handler404 = "wsis_portal.views.page_not_found"

admin.site.site_header = _("WSIS Forum secretariat")
admin.site.site_title = _("WSIS Forum admin")
admin.site.index_title = _("Portal administration")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("feeds/open-calls/", OpenCallsFeed(), name="open_calls_feed"),
    path("open-data/", views.open_data, name="open_data"),
    path("styleguide/", views.styleguide, name="styleguide"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("forum.urls")),
    path("prizes/", include("prizes.urls")),
    path("stocktaking/", include("stocktaking.urls")),
    path("consultations/", include("consultations.urls")),
    path("ungis/", include("ungis.urls")),
    path("api/", include("wsis_portal.api_urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
