from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("<slug:slug>/", views.timeline, name="timeline"),
    path("<slug:slug>/subscribe/", views.subscription_toggle, name="subscribe"),
    path("<slug:slug>/submit/", views.submit, name="submit"),
    path("<slug:slug>/submit/thanks/", views.submit_done, name="submit_done"),
    path(
        "<slug:slug>/submit/lost-link/",
        views.submission_lost_link,
        name="submission_lost_link",
    ),
    path(
        "<slug:slug>/submissions/<str:token>/",
        views.submission_private,
        name="submission_private",
    ),
    path("<slug:slug>/my-submissions/<int:pk>/", views.submission_mine, name="submission_mine"),
    path("<slug:slug>/discussions/", views.discussions, name="discussions"),
    path("<slug:slug>/discussions/<int:pk>/", views.discussion, name="discussion"),
    path("<slug:slug>/discussions/<int:pk>/comment/", views.comment_create, name="comment_create"),
    path(
        "<slug:slug>/discussions/<int:pk>/subscribe/",
        views.subscription_toggle,
        name="discussion_subscribe",
    ),
    path("<slug:slug>/comments/<int:pk>/flag/", views.comment_flag, name="comment_flag"),
    path("<slug:slug>/final-brief/", views.final_brief, name="final_brief"),
    path("<slug:slug>/nominate/", views.nominate, name="nominate"),
]
