import pytest


@pytest.mark.django_db
def test_csp_header_forbids_inline_and_foreign_code(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_pages_have_no_inline_style_or_script(client):
    for url in ("/", "/matrix/", "/accounts/login/", "/accounts/signup/"):
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<script>" not in html and "<script " not in html.replace('<script src="', ""), url


def test_sessions_live_in_the_database(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


@pytest.mark.django_db
def test_https_redirect_spares_healthz(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/matrix/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/matrix/"
    assert client.get("/healthz").status_code in (200, 503)
    # The web container's probe (docker-compose.yml) talks plain HTTP to gunicorn too.
    assert client.get("/healthz/web").status_code == 200
    assert client.get("/healthz/webx").status_code == 301
    secure = client.get("/matrix/", headers={"x-forwarded-proto": "https"})
    assert secure.status_code == 200
