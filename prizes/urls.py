from django.urls import path

from . import recognition_views, reminder_views, views

app_name = "prizes"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.contest, name="contest"),
    path("<int:year>/submit/", views.submit, name="submit"),
    path("<int:year>/submit/<int:project_id>/", views.submit, name="submit_edit"),
    path(
        "<int:year>/submit/<int:project_id>/attachments/",
        views.attachment_add,
        name="attachment_add",
    ),
    path(
        "<int:year>/submit/<int:project_id>/attachments/<int:attachment_id>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
    path(
        "<int:year>/projects/<int:project_id>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path("<int:year>/vote/", views.ballot, name="ballot"),
    path("<int:year>/vote-reminder/", reminder_views.vote_reminder, name="vote_reminder"),
    path("<int:year>/vote/<int:project_id>/", views.vote, name="vote"),
    path("<int:year>/vote/<slug:code>/", views.ballot_category, name="ballot_category"),
    path("<int:year>/projects/<int:project_id>/", views.project, name="project"),
    path("<int:year>/results/", views.results, name="results"),
    path("<int:year>/winners/", recognition_views.booklet, name="booklet"),
    path("<int:year>/winners/booklet.pdf", recognition_views.booklet_download, name="booklet_pdf"),
    path(
        "<int:year>/projects/<int:project_id>/certificate.pdf",
        recognition_views.certificate,
        name="certificate",
    ),
    path("<int:year>/review/", views.review, name="review"),
    path("<int:year>/review/<int:project_id>/", views.review_score, name="review_score"),
]
