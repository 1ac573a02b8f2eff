from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("my/", views.my, name="my"),
    path("my/profile/", views.profile, name="profile"),
]
