import pytest

from accounts.models import StakeholderProfile

PROFILE = {
    "full_name": "Lin Wei",
    "organisation_name": "Open Data Lab",
    "organisation_country": "CN",
    "stakeholder_type": "academia",
    "telephone": "+86 10 1234 5678",
}


@pytest.mark.django_db
def test_profile_save_goes_back_to_a_page_of_this_site(client, user):
    client.force_login(user)
    response = client.post("/my/profile/", {**PROFILE, "next": "/prizes/"})
    assert response.status_code == 302
    assert response["Location"] == "/prizes/"
    assert StakeholderProfile.objects.get(user=user).organisation_name == "Open Data Lab"


@pytest.mark.django_db
def test_profile_save_ignores_a_next_pointing_elsewhere(client, user):
    client.force_login(user)
    response = client.post("/my/profile/", {**PROFILE, "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/my/profile/"


@pytest.mark.django_db
def test_profile_with_bad_telephone_shows_error_and_saves_nothing(client, user):
    client.force_login(user)
    response = client.post("/my/profile/", {**PROFILE, "telephone": "call me maybe"})
    assert response.status_code == 200
    assert "Enter a telephone number" in response.content.decode()
    assert not StakeholderProfile.objects.filter(user=user).exists()
