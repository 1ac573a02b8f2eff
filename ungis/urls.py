from django.urls import path

from . import views

app_name = "ungis"

urlpatterns = [
    path("", views.about, name="about"),
    path("members/", views.members, name="members"),
    path("members/<str:acronym>/", views.member, name="member"),
    path("members/<str:acronym>/edit/", views.member_edit, name="member_edit"),
    path("chairs/", views.chairs, name="chairs"),
]
