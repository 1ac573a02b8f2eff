"""Every allauth page we use renders in our layout, accessible and without JavaScript."""

import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC

from tests.factories.accounts import StakeholderFactory

FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>")


def assert_accessible_page(response):
    assert response.status_code in (200, 429)
    html = response.content.decode()
    assert "Skip to main content" in html, "not rendered inside base.html"
    assert html.count("<h1") == 1
    assert " style=" not in html
    for attrs in re.findall(r"<script\b([^>]*)>", html):
        # Our own files or inert JSON data only: CSP forbids inline code.
        assert 'src="/static/' in attrs or 'type="application/json"' in attrs, attrs
    for tag, attrs in FIELD.findall(html):
        if re.search(r'type="(hidden|submit)"', attrs):
            continue
        field_id = re.search(r'\bid="([^"]+)"', attrs)
        assert field_id, f"<{tag}{attrs}> has no id"
        assert f'for="{field_id.group(1)}"' in html, f"<{tag}{attrs}> has no label"
    return html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/confirm-email/",
        "/accounts/confirm-email/not-a-key/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/1-bad-key/",
    ],
)
def test_anonymous_account_pages(client, url):
    assert_accessible_page(client.get(url))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/accounts/logout/", "/accounts/email/", "/accounts/password/change/", "/my/profile/"]
)
def test_signed_in_account_pages(stakeholder_client, url):
    assert_accessible_page(stakeholder_client.get(url))


@pytest.mark.django_db
def test_email_confirmation_page_with_valid_key(client):
    user = StakeholderFactory(verified=False)
    address = EmailAddress.objects.get(user=user)
    key = EmailConfirmationHMAC(address).key
    html = assert_accessible_page(client.get(f"/accounts/confirm-email/{key}/"))
    assert user.email in html
    assert re.search(r'<button\s+type="submit"\s*>\s*Confirm\s*</button>', html)


@pytest.mark.django_db
def test_lockout_page(client):
    StakeholderFactory(email="locked@example.org")
    for _ in range(5):
        response = client.post(
            "/accounts/login/", {"login": "locked@example.org", "password": "nope"}
        )
    assert response.status_code == 429
    assert_accessible_page(response)


@pytest.mark.django_db
def test_signup_errors_are_next_to_fields_and_summarised(client):
    response = client.post(
        "/accounts/signup/", {"email": "not-an-email", "password1": "x", "password2": "y"}
    )
    html = assert_accessible_page(response)
    assert 'class="error-summary"' in html
    assert '<a href="#id_email">' in html
    # The message sits in the field's own group, tied to it by aria-describedby.
    email_group = re.search(r'<div class="field">(.*?id="id_email".*?)</div>', html, re.S).group(1)
    assert 'class="errorlist"' in email_group
    assert 'aria-invalid="true"' in email_group
    assert 'aria-describedby="id_email_error"' in email_group
