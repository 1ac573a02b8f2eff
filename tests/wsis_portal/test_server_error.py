from django.template.loader import render_to_string
from django.utils import translation


def test_server_error_page_renders_without_context_and_in_french():
    assert "Something went wrong on our side" in render_to_string("500.html")
    with translation.override("fr"):
        assert "Un problème est survenu de notre côté" in render_to_string("500.html")
