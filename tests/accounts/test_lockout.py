import pytest
from django.conf import settings

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory


def assert_locked_out(response):
    assert response.status_code == 429
    assert "account/lockout.html" in [t.name for t in response.templates]
    assert b"Sign-in temporarily locked" in response.content


@pytest.mark.django_db
def test_site_login_locks_after_five_failures(client):
    UserFactory(email="target@example.org")
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = client.post(
            "/accounts/login/", {"login": "target@example.org", "password": "wrong"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors
    assert_locked_out(
        client.post("/accounts/login/", {"login": "target@example.org", "password": "wrong"})
    )
    # Even the right password is refused while the lock holds, whatever the letter case.
    assert_locked_out(
        client.post(
            "/accounts/login/", {"login": "TARGET@example.org", "password": DEFAULT_PASSWORD}
        )
    )
    assert client.get("/my/").status_code == 302


@pytest.mark.django_db
def test_admin_login_locks_after_five_failures(client):
    UserFactory(email="boss@example.org", is_staff=True, is_superuser=True)
    for _ in range(4):
        response = client.post(
            "/admin/login/", {"username": "boss@example.org", "password": "wrong"}
        )
        assert response.status_code == 200
    assert_locked_out(
        client.post("/admin/login/", {"username": "boss@example.org", "password": "wrong"})
    )
    assert_locked_out(
        client.post("/admin/login/", {"username": "boss@example.org", "password": DEFAULT_PASSWORD})
    )
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_successful_login_before_the_limit_resets_the_count(client):
    UserFactory(email="typo@example.org")
    for _ in range(4):
        client.post("/accounts/login/", {"login": "typo@example.org", "password": "wrong"})
    ok = client.post(
        "/accounts/login/", {"login": "typo@example.org", "password": DEFAULT_PASSWORD}
    )
    assert ok.status_code == 302
    client.logout()
    response = client.post("/accounts/login/", {"login": "typo@example.org", "password": "wrong"})
    assert response.status_code == 200
