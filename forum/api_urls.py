from django.urls import path

from .base import api
from .programme import api as api_programme

urlpatterns = [
    path("action-lines/", api.ActionLineList.as_view(), name="api-action-lines"),
    path("sdgs/", api.SDGList.as_view(), name="api-sdgs"),
    path("matrix/", api.MatrixLinkList.as_view(), name="api-matrix"),
    path(
        "forum/<int:year>/sessions/",
        api_programme.SessionList.as_view(),
        name="api-forum-sessions",
    ),
]
