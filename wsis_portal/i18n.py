"""The visitor's language: in the address, on the profile, and in each recipient's email.

English pages have no prefix (``/prizes/``); the five other languages have one (``/fr/prizes/``,
``/zh-hans/prizes/``). An unprefixed page therefore always answers in English once reached, but a
visitor who prefers another language (the saved profile language, else the language cookie set by
the switcher, else the browser's Accept-Language) is first redirected to the prefixed address, so
the addresses used before the language was in the URL keep leading to the visitor's language.
The API, the admin, /healthz, /media and the language switcher itself stay unprefixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, get_urlconf, is_valid_path, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.i18n import set_language as django_set_language

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
# Any prefixed language works to test whether an address lives under i18n_patterns.
_PROBE_LANGUAGE = next(code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE)


def supported_language(code: str | None) -> str | None:
    """``code`` if the portal speaks it (``zh-Hans`` and ``zh_hans`` count), else None."""
    if not code:
        return None
    try:
        found = translation.get_supported_language_variant(code)
    except LookupError:
        return None
    return found if found in LANGUAGE_CODES else None


def user_language(user) -> str | None:
    """The language a signed-in user chose with the switcher, if any."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return supported_language(getattr(user, "language", "") or None)


def recipient_language(user=None, *, fallback: str | None = None) -> str:
    """The language an email to ``user`` is written in: theirs, else ``fallback``, else English."""
    return user_language(user) or supported_language(fallback) or settings.LANGUAGE_CODE


@contextmanager
def language_of(user=None, *, fallback: str | None = None) -> Iterator[str]:
    """Render what is inside (subject, body, dates) in the recipient's language."""
    language = recipient_language(user, fallback=fallback)
    with translation.override(language):
        yield language


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, plus: unprefixed pages redirect to the preferred language.

    Only GET and HEAD are redirected (a POST would lose its body); addresses outside
    i18n_patterns (admin, API) keep the cookie/Accept-Language choice without a redirect.
    """

    def process_request(self, request):
        path_language = translation.get_language_from_path(request.path_info)
        if path_language:
            return super().process_request(request)
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        preferred = self._preferred_language(request)
        if not _is_page(request.path_info, urlconf):
            # Not a page with a language in its address: admin, API, healthz, setlang.
            translation.activate(preferred)
            request.LANGUAGE_CODE = translation.get_language()
            return None
        request.is_unprefixed_page = True
        super().process_request(request)  # activates English for an unprefixed page
        if preferred != settings.LANGUAGE_CODE and request.method in ("GET", "HEAD"):
            target = translate_path(request.get_full_path(), preferred)
            if target != request.get_full_path():
                response = HttpResponseRedirect(target)
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "is_unprefixed_page", False):
            # The same address answers English or a redirect depending on the cookie.
            patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def _preferred_language(request) -> str:
        # The profile's language reaches this point as the cookie set at sign-in (this
        # middleware runs before authentication, as Django requires).
        return translation.get_language_from_request(request, check_path=False)


def _is_page(path: str, urlconf) -> bool:
    """Whether ``path`` is one of the pages that carry a language in their address.

    A page address missing its final slash counts too, so that CommonMiddleware's
    APPEND_SLASH redirect still finds it.
    """
    candidates = [path]
    if settings.APPEND_SLASH and not path.endswith("/"):
        candidates.append(path + "/")
    # The resolver only accepts the prefix of the active language.
    with translation.override(_PROBE_LANGUAGE):
        return any(
            is_valid_path(f"/{_PROBE_LANGUAGE}{candidate}", urlconf) is not False
            for candidate in candidates
        )


def translate_path(url: str, language: str) -> str:
    """``url`` (a path of this site, with its query) in ``language``; unchanged if not a page.

    Django's translate_url resolves with the active language, which on an unprefixed request
    (the switcher, sign-in) need not be the language of ``url``; resolve in the url's own.
    """
    own = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    with translation.override(own):
        return translate_url(url, language)


def set_language(request):
    """The switcher: Django's view (cookie, same page in the new language) + the profile."""
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    own = translation.get_language_from_path(urlsplit(next_url).path) or settings.LANGUAGE_CODE
    with translation.override(own):
        response = django_set_language(request)
    language = supported_language(request.POST.get("language"))
    user = getattr(request, "user", None)
    if language and user is not None and user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response


def login_language_apply(*, request, user, response=None) -> str | None:
    """After sign-in: the saved language becomes the cookie (the middleware redirects on it)."""
    language = user_language(user)
    if language and response is not None:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return language


@lru_cache(maxsize=1024)
def _translated_path(path: str, language: str, _active: str, _urlconf, _prefix: str) -> str:
    # translate_url resolves ``path`` in the active language's URLs (and urlconf) and reverses
    # it under the script prefix: each is part of the key.
    return translate_url(path, language)


def alternates(request) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every language of the current page, then x-default.

    The path's translations are kept per process (resolving and reversing it in six languages
    was a tenth of a page's template time); the query string follows them unchanged, as
    translate_url keeps it.
    """
    path, mark, query = request.get_full_path().partition("?")
    state = (translation.get_language(), get_urlconf(), get_script_prefix())
    links = [
        (
            code,
            request.build_absolute_uri(_translated_path(path, code, *state) + mark + query),
        )
        for code, _name in settings.LANGUAGES
    ]
    default = dict(links)[settings.LANGUAGE_CODE]
    return [*links, ("x-default", default)]
