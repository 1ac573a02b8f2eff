import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/matrix/",
        "/matrix/C2/9/",
        "/action-lines/C7-EGOV/",
        "/sdgs/17/",
        "/accounts/signup/",
        "/accounts/login/",
    ],
)
def test_public_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
