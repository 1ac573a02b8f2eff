"""Routes of the programme pipeline, added to the ``forum`` namespace by forum/urls.py."""

from django.urls import path

from . import views, views_review, views_schedule

urlpatterns = [
    path("forum/<int:year>/call/", views.call_page, name="proposal_call"),
    path("forum/<int:year>/call/propose/", views.proposal_new, name="proposal_new"),
    path("forum/<int:year>/call/proposals/<int:pk>/", views.proposal_edit, name="proposal_edit"),
    path(
        "forum/<int:year>/call/proposals/<int:pk>/submit/",
        views.proposal_submit,
        name="proposal_submit",
    ),
    path("forum/<int:year>/call/review/", views_review.review_list, name="review_list"),
    path(
        "forum/<int:year>/call/review/<int:pk>/",
        views_review.review_proposal,
        name="review_proposal",
    ),
    path(
        "forum/<int:year>/call/review/<int:pk>/decide/",
        views_review.proposal_decide_view,
        name="proposal_decide",
    ),
    path("forum/<int:year>/schedule/", views_schedule.schedule, name="schedule"),
    path(
        "forum/<int:year>/schedule/<int:session_id>/",
        views_schedule.schedule_session,
        name="schedule_session",
    ),
    path(
        "forum/<int:year>/schedule/publish/",
        views_schedule.schedule_publish,
        name="schedule_publish",
    ),
    path(
        "forum/<int:year>/schedule/speakers/<int:speaker_id>/resend/",
        views_schedule.speaker_link_resend,
        name="speaker_link_resend",
    ),
    path("forum/<int:year>/speakers/", views_schedule.speakers_page, name="speakers"),
    path(
        "forum/speakers/confirm/<str:token>/",
        views_schedule.speaker_confirm_page,
        name="speaker_confirm",
    ),
]
