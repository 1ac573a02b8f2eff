"""The language in the address: English unprefixed, /<code>/ for the five others."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from consultations.reminders import phase_reminders_send
from consultations.services import subscription_set
from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory
from tests.factories.consultations import consultation_with_phases
from wsis_portal import outbox


@pytest.fixture(autouse=True)
def _back_to_english():
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/matrix/", "en", "ltr"),
        ("/ar/matrix/", "ar", "rtl"),
        ("/zh-hans/matrix/", "zh-hans", "ltr"),
        ("/fr/matrix/", "fr", "ltr"),
        ("/ru/matrix/", "ru", "ltr"),
        ("/es/matrix/", "es", "ltr"),
    ],
)
def test_page_language_comes_from_the_address(client, path, lang, direction):
    # A cookie for another language does not override a prefixed address.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru" if lang != "ru" else "fr"
    if lang == "en":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


@pytest.mark.django_db
def test_links_keep_the_language_of_the_page(client):
    html = client.get("/es/").content.decode()
    assert 'href="/es/prizes/"' in html
    assert 'href="/es/stocktaking/"' in html
    assert 'href="/es/matrix/"' in html
    assert 'href="/prizes/"' not in html


@pytest.mark.django_db
def test_every_public_page_lists_its_alternates_and_x_default(client):
    html = client.get("/ru/stocktaking/?q=water").content.decode()
    for code, prefix in [
        ("ar", "/ar"),
        ("zh-hans", "/zh-hans"),
        ("en", ""),
        ("fr", "/fr"),
        ("ru", "/ru"),
        ("es", "/es"),
        ("x-default", ""),
    ]:
        link = f'<link rel="alternate" hreflang="{code}" href="http://testserver{prefix}/stocktaking/?q=water">'
        assert link in html, code


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/", "/portal/"])
@pytest.mark.parametrize(
    "path",
    ["/stocktaking/?q=water&page=2", "/ar/search/?q=a%3Fb%26c", "/fr/matrix/", "/nowhere/?x=1"],
)
def test_alternates_kept_per_process_are_translate_urls(rf, path, prefix):
    """i18n.alternates keeps each path's translations: the same as translate_url's, asked
    twice (the second time from what it kept), under another script prefix too."""
    from django.urls import get_script_prefix, set_script_prefix, translate_url

    from wsis_portal import i18n

    request = rf.get(path)
    before = get_script_prefix()
    set_script_prefix(prefix)
    try:
        with translation.override(translation.get_language_from_path(path) or "en"):
            expected = [
                (code, request.build_absolute_uri(translate_url(path, code)))
                for code, _name in settings.LANGUAGES
            ]
            expected.append(("x-default", expected[[c for c, _ in expected].index("en")][1]))
            assert i18n.alternates(request) == expected
            assert i18n.alternates(request) == expected
    finally:
        set_script_prefix(before)


@pytest.mark.django_db
def test_unprefixed_address_redirects_to_the_chosen_language_keeping_the_query(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    response = client.get("/stocktaking/?q=water&page=2")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/stocktaking/?q=water&page=2"
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_unprefixed_address_redirects_by_browser_language_unless_english_was_chosen(client):
    response = client.get("/prizes/", headers={"accept-language": "ar,en;q=0.5"})
    assert response["Location"] == "/ar/prizes/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/prizes/", headers={"accept-language": "ar"})
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


@pytest.mark.django_db
def test_missing_final_slash_is_still_added(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/matrix", follow=True)
    assert response.redirect_chain[-1] == ("/fr/matrix/", 302)
    assert client.get("/fr/matrix").status_code == 301


@pytest.mark.django_db
def test_unprefixed_post_is_not_redirected(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.post("/stocktaking/submit/")
    # Redirecting would turn the POST into a GET and lose what was sent.
    assert response.get("Location") != "/fr/stocktaking/submit/"


@pytest.mark.django_db
def test_english_has_no_prefix(client):
    assert reverse("prizes:index") == "/prizes/"
    assert client.get("/en/prizes/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/schema/", "/healthz", "/admin/login/"])
def test_machine_and_staff_addresses_stay_unprefixed(client, path):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(path)
    assert response.status_code in (200, 503), path
    assert client.get(f"/fr{path}").status_code == 404


@pytest.mark.django_db
def test_admin_follows_the_language_cookie_without_a_prefix(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    html = client.get("/admin/login/").content.decode()
    assert '<html lang="fr"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("current", "chosen", "expected"),
    [
        ("/fr/matrix/", "ar", "/ar/matrix/"),
        ("/fr/stocktaking/?q=eau", "en", "/stocktaking/?q=eau"),
        ("/prizes/", "zh-hans", "/zh-hans/prizes/"),
    ],
)
def test_switcher_keeps_the_visitor_on_the_same_page(client, current, chosen, expected):
    page = client.get(current).content.decode()
    # The switcher is a plain form: it works without JavaScript.
    assert 'action="/i18n/setlang/" method="post"' in page
    response = client.post("/i18n/setlang/", {"language": chosen, "next": current})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


@pytest.mark.django_db
def test_switcher_saves_the_language_of_a_signed_in_user(client):
    user = UserFactory()
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/matrix/"})
    user.refresh_from_db()
    assert user.language == "ru"


@pytest.mark.django_db
def test_sign_in_brings_the_saved_language_back(client):
    user = UserFactory(language="es")
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD, "next": "/my/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/my/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"


@pytest.mark.django_db
def test_sign_up_keeps_the_language_it_was_made_in(client):
    client.post(
        "/ru/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "full_name": "Ivan Petrov",
            "organisation_name": "Example",
            "organisation_country": "RU",
            "stakeholder_type": "civil_society",
        },
    )
    from accounts.models import User

    assert User.objects.get(email="new@example.org").language == "ru"


@pytest.mark.django_db
def test_reminders_go_out_in_each_recipients_language():
    consultation = consultation_with_phases()
    readers = {
        "fr": StakeholderFactory(language="fr"),
        "zh-hans": StakeholderFactory(language="zh-hans"),
        "en": StakeholderFactory(language=""),
    }
    for user in readers.values():
        subscription_set(user=user, consultation=consultation, discussion=None, subscribed=True)
    meeting = consultation.phases.get(number=3)
    with time_machine.travel(meeting.starts_at - timedelta(days=2), tick=False):
        assert phase_reminders_send(timezone.now()) == 3
        outbox.deliver_pending()
    by_address = {m.to[0]: m for m in mail.outbox}
    french = by_address[readers["fr"].email]
    assert french.subject.startswith("[SMSI] Rappel")
    assert f"/fr{consultation.get_absolute_url()}" in french.body
    chinese = by_address[readers["zh-hans"].email]
    assert f"/zh-hans{consultation.get_absolute_url()}" in chinese.body
    with translation.override("zh-hans"):
        starts = date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")
    assert starts in chinese.body
    english = by_address[readers["en"].email]
    assert english.subject.startswith("[WSIS] Reminder")
    assert "/fr/" not in english.body and "/zh-hans/" not in english.body


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "30 November 2026, 14:05 CET"),
        ("fr", "30 novembre 2026, 14:05 CET"),
        ("es", "30 de noviembre de 2026, 14:05 CET"),
        ("ru", "30 ноября 2026 г., 14:05 CET"),
        ("zh-hans", "2026年11月30日 14:05 CET"),
        ("ar", "30 نوفمبر، 2026، 14:05 CET"),
    ],
)
def test_dates_use_each_languages_format(language, expected):
    moment = timezone.localtime(datetime(2026, 11, 30, 13, 5, tzinfo=UTC))
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == expected


@pytest.mark.django_db
def test_account_emails_use_the_accounts_language(client):
    english, french = UserFactory(language=""), UserFactory(language="fr")
    for user in (english, french):
        client.post("/accounts/password/reset/", {"email": user.email})
    outbox.deliver_pending()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[english.email] == "[WSIS] Password Reset Email"
    with translation.override("fr"):
        from django.utils.translation import gettext

        expected = "[WSIS] " + gettext("Password Reset Email")
    assert subjects[french.email] == expected != subjects[english.email]
