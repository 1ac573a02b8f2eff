"""Routes of the programme pipeline, added to the ``forum`` namespace by forum/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("forum/<int:year>/call/", views.call_page, name="proposal_call"),
    path("forum/<int:year>/call/propose/", views.proposal_new, name="proposal_new"),
    path("forum/<int:year>/call/proposals/<int:pk>/", views.proposal_edit, name="proposal_edit"),
    path(
        "forum/<int:year>/call/proposals/<int:pk>/submit/",
        views.proposal_submit,
        name="proposal_submit",
    ),
]
