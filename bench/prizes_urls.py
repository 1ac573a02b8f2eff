"""The portal's URLs plus the baseline insert view (benchmark only, never routed in production)."""

from django.urls import path

from wsis_portal.urls import urlpatterns as portal_urlpatterns

from .prizes_views import baseline_insert

urlpatterns = [
    path(
        "bench/prizes/insert/<int:contest_id>/<int:category_id>/<int:project_id>/",
        baseline_insert,
    ),
    *portal_urlpatterns,
]
