from django.urls import path

from . import views
from .feeds import NewEntriesFeed

app_name = "stocktaking"

urlpatterns = [
    path("", views.search, name="search"),
    path("feed/", NewEntriesFeed(), name="feed"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("submit/", views.entry_create, name="submit"),
    path("entries/<int:pk>/", views.entry_detail, name="entry"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="edit"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:year>/", views.report, name="report"),
    path("reports/<int:year>.pdf", views.report_pdf, name="report_pdf"),
    path(
        "reports/<int:year>/success-stories/",
        views.success_stories,
        name="success_stories",
    ),
    path("reports/regions/<slug:region>/", views.region_reports, name="region_reports"),
    path("reports/<int:year>/<slug:region>/", views.report, name="report_region"),
    path("reports/<int:year>/<slug:region>.pdf", views.report_pdf, name="report_region_pdf"),
]
