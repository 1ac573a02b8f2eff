"""With the cache (Redis) unreachable, every form of the site either works or is refused
with a clear page (429 or 503), never a 500, and a refused form saves nothing (issue 10,
item 2). The cache is pointed at a closed port: the real Redis client, the real errors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.apps import apps
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.consultations import DiscussionFactory, consultation_with_phases
from tests.factories.forum import action_line, sdg
from tests.factories.forum_programme import EditionFactory
from tests.factories.prizes import DESCRIPTION, ProjectFactory, category, contest_at
from tests.factories.stocktaking import CallFactory, entry_data
from tests.factories.ungis import focal_point

pytestmark = pytest.mark.django_db(transaction=False)

CLOSED_PORT_CACHE = {
    "default": {
        "BACKEND": "wsis_portal.redis_cache.RedisCache",
        # Port 9 (discard) is closed on the test machines: connections are refused at once.
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
PASSWORD = "correct horse battery staple 42"


def _rows() -> dict[str, int]:
    """How many rows every model of the portal holds (sessions and axes logs aside)."""
    skip = {"sessions", "axes", "admin", "contenttypes", "auth"}
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label not in skip and m._meta.managed and not m._meta.proxy
    }


def _signed_in(user=None) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user or StakeholderFactory())
    return client


def _anonymous() -> Client:
    return Client(raise_request_exception=False)


def login_case():
    UserFactory(email="known@example.org", password=PASSWORD)
    return (
        _anonymous(),
        reverse("account_login"),
        {"login": "known@example.org", "password": PASSWORD},
    )


def signup_case():
    data = {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    return _anonymous(), reverse("account_signup"), data


def password_reset_case():
    UserFactory(email="known@example.org")
    return _anonymous(), reverse("account_reset_password"), {"email": "known@example.org"}


def password_change_case():
    user = UserFactory(password=PASSWORD)
    data = {"oldpassword": PASSWORD, "password1": PASSWORD + "!", "password2": PASSWORD + "!"}
    return _signed_in(user), reverse("account_change_password"), data


def email_add_case():
    return _signed_in(), reverse("account_email"), {"action_add": "", "email": "other@example.org"}


def vote_case():
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    project = ProjectFactory(contest=contest)
    return _signed_in(), reverse("prizes:vote", args=[contest.year, project.pk]), {}


def prize_submit_case():
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    data = {
        "category": category(contest, "C3").pk,
        "title": "Community libraries online",
        "description": DESCRIPTION,
        "organisation": "Open Shelves",
        "country": "SN",
        "stakeholder_type": "civil_society",
        "sdgs": [str(sdg(4).pk)],
        "website": "https://example.org",
        "action": "submit",
    }
    return _signed_in(), reverse("prizes:submit", args=[contest.year]), data


def consultation_submit_case():
    consultation = consultation_with_phases()
    data = {
        "full_name": "Amina Diallo",
        "email": "amina@example.org",
        "organisation_name": "ICT Observatory",
        "organisation_country": "SN",
        "telephone": "+221 33 123 45 67",
        "stakeholder_type": "civil_society",
        "input_kind": "individual",
        "thematic_aspects": "Digital skills for older persons",
        "format_innovations": "A youth hackathon",
        "language": "en",
        "action_lines": [str(action_line("C4").pk)],
        "sdgs": [str(sdg(4).pk)],
    }
    return _anonymous(), reverse("consultations:submit", args=[consultation.slug]), data


def comment_case():
    topic = DiscussionFactory(consultation=consultation_with_phases())
    url = reverse("consultations:comment_create", args=[topic.consultation.slug, topic.pk])
    return _signed_in(), url, {"body": "A thought on the topic."}


def subscribe_case():
    consultation = consultation_with_phases()
    url = reverse("consultations:subscribe", args=[consultation.slug])
    return _signed_in(), url, {"subscribe": "1"}


def stocktaking_case():
    CallFactory()
    return _signed_in(), reverse("stocktaking:submit"), entry_data(action="submit")


def forum_registration_case():
    EditionFactory(year=2027)
    return _signed_in(), "/forum/2027/register/", {"mode": "remote"}


def ungis_edit_case():
    user = focal_point("ITU")
    return _signed_in(user), "/ungis/members/ITU/edit/", {"description": "Our mandate."}


def profile_case():
    data = {
        "full_name": "Amina Diallo",
        "organisation_name": "ICT Observatory",
        "organisation_country": "SN",
        "stakeholder_type": "civil_society",
    }
    return _signed_in(), reverse("accounts:profile"), data


def language_case():
    return _anonymous(), "/i18n/setlang/", {"language": "fr", "next": "/"}


CASES = [
    login_case,
    signup_case,
    password_reset_case,
    password_change_case,
    email_add_case,
    vote_case,
    prize_submit_case,
    consultation_submit_case,
    comment_case,
    subscribe_case,
    stocktaking_case,
    forum_registration_case,
    ungis_edit_case,
    profile_case,
    language_case,
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_every_form_works_or_refuses_cleanly_with_the_cache_down(case, caplog):
    # Inside the registration window of the 2027 edition; other cases use their own dates.
    with time_machine.travel(datetime(2027, 2, 1, 12, 0, tzinfo=UTC), tick=False):
        client, url, data = case()
        before = _rows()
        with override_settings(CACHES=CLOSED_PORT_CACHE):
            response = client.post(url, data)
        after = _rows()
    assert response.status_code != 500, (case.__name__, response.content[:500])
    assert response.status_code in (200, 302, 400, 403, 409, 429, 503), response.status_code
    if response.status_code in (429, 503):
        body = response.content.decode()
        assert '<main id="main"' in body  # the site's own layout, with its message
        assert "try again" in body.lower()
        assert after == before, "a refused form saved something"
