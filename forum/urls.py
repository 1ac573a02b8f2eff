from django.urls import path

from .about import views as views_about
from .base import views
from .feeds import NewsFeed, ProgrammeFeed
from .outcomes import views as views_outcomes
from .programme import views as views_programme
from .proposals.urls import urlpatterns as proposal_urlpatterns

app_name = "forum"

urlpatterns = [
    path("matrix/", views.matrix, name="matrix"),
    path("matrix/<str:code>/<int:number>/", views.matrix_cell, name="matrix_cell"),
    path("action-lines/<str:code>/", views.action_line, name="action_line"),
    path("sdgs/<int:number>/", views.sdg, name="sdg"),
    path("about/", views_about.about, name="about"),
    path("events/", views_about.event_list, name="events"),
    path("events/<int:pk>/", views_about.event_detail, name="event"),
    path("news/", views_about.news_list, name="news"),
    path("news/feed/", NewsFeed(), name="news_feed"),
    path("news/<slug:slug>/", views_about.news_item, name="news_item"),
    path("forum/partnership/", views_about.sponsorship, name="sponsorship"),
    path("forum/", views_programme.edition_list, name="editions"),
    path("forum/<int:year>/", views_programme.edition_detail, name="edition"),
    path("forum/<int:year>/programme/", views_programme.programme_page, name="programme"),
    path(
        "forum/<int:year>/high-level-track/",
        views_programme.high_level_track,
        name="high_level_track",
    ),
    path("forum/<int:year>/programme.ics", views_programme.programme_ics, name="programme_ics"),
    path("forum/<int:year>/programme/feed/", ProgrammeFeed(), name="programme_feed"),
    path(
        "forum/<int:year>/sessions/<int:session_id>/",
        views_programme.session_detail,
        name="session",
    ),
    path(
        "forum/<int:year>/sessions/<int:session_id>/register/",
        views_programme.session_register_view,
        name="session_register",
    ),
    path(
        "forum/<int:year>/sessions/<int:session_id>.ics",
        views_programme.session_ics,
        name="session_ics",
    ),
    path(
        "forum/<int:year>/sessions/<int:session_id>/outcome-report/",
        views_outcomes.outcome_report,
        name="outcome_report",
    ),
    path(
        "forum/<int:year>/outcome-document/",
        views_outcomes.outcome_document,
        name="outcome_document",
    ),
    path(
        "forum/<int:year>/outcome-document.pdf",
        views_outcomes.outcome_document_download,
        name="outcome_document_pdf",
    ),
    path("forum/<int:year>/register/", views_programme.register, name="register"),
    path(
        "forum/<int:year>/register/cancel/",
        views_programme.register_cancel,
        name="register_cancel",
    ),
    *proposal_urlpatterns,
]
