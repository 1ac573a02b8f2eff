import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/matrix/", "/matrix/C1/1/", "/action-lines/C5/", "/sdgs/3/", "/no-such-page/"]
)
def test_layout_landmarks_and_one_h1(client, url):
    html = client.get(url).content.decode()
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert 'aria-label="Main"' in html
    assert '<label for="language-select">' in html
    for section in ("/consultations/", "/prizes/", "/stocktaking/", "/ungis/", "/matrix/"):
        assert f'href="{section}"' in html


@pytest.mark.django_db
def test_current_section_is_marked_in_navigation(client):
    html = client.get("/matrix/").content.decode()
    assert 'href="/matrix/" aria-current="page"' in html


@pytest.mark.django_db
def test_messages_are_shown(stakeholder_client):
    response = stakeholder_client.post(
        "/my/profile/",
        {
            "full_name": "Grace Hopper",
            "organisation_name": "Navy",
            "organisation_country": "US",
            "stakeholder_type": "government",
        },
        follow=True,
    )
    assert b"Your profile has been saved." in response.content
    assert b'role="status"' in response.content
