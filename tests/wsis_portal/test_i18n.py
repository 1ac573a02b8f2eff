import pytest
from django.conf import settings
from django.utils import translation

from forum.models import SDG, ActionLine


@pytest.fixture(autouse=True)
def _back_to_english():
    """The middleware leaves the request's language active in this thread; reset it."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.django_db
def test_home_in_french_from_accept_language(client):
    response = client.get("/", headers={"accept-language": "fr"}, follow=True)
    assert response.redirect_chain == [("/fr/", 302)]
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Aller au contenu principal" in html
    assert "Portail du Forum du SMSI" in html
    assert "Explorer la matrice" in html
    assert "Skip to main content" not in html


@pytest.mark.django_db
def test_matrix_in_french_from_language_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    html = client.get("/matrix/", follow=True).content.decode()
    assert "Matrice grandes orientations du SMSI – ODD" in html
    assert "ODD 17" in html
    assert "Administration électronique" in html  # C7-EGOV short title
    assert 'title="Éliminer la pauvreté sous toutes ses formes et partout dans le monde"' in html


@pytest.mark.django_db
def test_language_switcher_sets_the_cookie(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/matrix/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/matrix/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert "Matrice" in client.get("/fr/matrix/").content.decode()


@pytest.mark.django_db
def test_account_pages_in_french(client):
    html = client.get("/fr/accounts/signup/").content.decode()
    assert "Nom complet" in html
    assert "Catégorie de partie prenante" in html
    assert "Société civile" in html


@pytest.mark.django_db
def test_all_taxonomy_titles_are_translated_to_french():
    with translation.override("fr"):
        for line in ActionLine.objects.all():
            # Titles are translated columns now (forum/0007): compare with the English one.
            assert line.display_title != line.title_en, line.code
            assert line.short_title
        for goal in SDG.objects.all():
            assert goal.display_title != goal.title_en, goal.number
            assert goal.short_title != goal.display_title


@pytest.mark.django_db
def test_arabic_is_right_to_left(client):
    html = client.get("/", headers={"accept-language": "ar"}, follow=True).content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_six_un_languages():
    assert [code for code, _ in settings.LANGUAGES] == ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.mark.django_db
def test_error_pages_in_french(client):
    response = client.get("/fr/sdgs/99/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "Retour à la page d’accueil" in html
