from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("matrix/", views.matrix, name="matrix"),
    path("matrix/<str:code>/<int:number>/", views.matrix_cell, name="matrix_cell"),
    path("action-lines/<str:code>/", views.action_line, name="action_line"),
    path("sdgs/<int:number>/", views.sdg, name="sdg"),
]
