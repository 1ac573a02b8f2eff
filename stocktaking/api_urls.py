from django.urls import path

from . import api

urlpatterns = [
    path("entries/", api.EntryList.as_view(), name="api-stocktaking-entries"),
    path("entries/<int:pk>/", api.EntryDetail.as_view(), name="api-stocktaking-entry"),
]
