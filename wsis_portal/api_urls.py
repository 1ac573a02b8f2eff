"""The read-only open-data API; each app adds its routes below."""

from django.urls import include, path

from .api_schema import SchemaView

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("", include("forum.api_urls")),
    path("stocktaking/", include("stocktaking.api_urls")),
]
