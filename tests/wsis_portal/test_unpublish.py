"""Back to draft (issue 14): the "unpublish" admin action needs a reason and is logged."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from accounts.roles import SECRETARIAT
from forum.models import Edition
from tests.factories.accounts import UserFactory
from tests.factories.forum_programme import EditionFactory
from tests.support.refusals import refused
from wsis_portal.models import ActivityLog
from wsis_portal.publishing import unpublish

pytestmark = pytest.mark.django_db


def test_unpublishing_without_a_reason_is_refused_and_changes_nothing():
    edition = EditionFactory(published_at="2027-01-01T00:00Z")
    with refused("reason"):
        unpublish(queryset=Edition.objects.all(), by=None, reason="  ")
    edition.refresh_from_db()
    assert not edition.is_draft
    assert not ActivityLog.objects.filter(action="unpublish").exists()


def test_the_admin_action_confirms_then_takes_back_to_draft_with_the_reason(client):
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    edition = EditionFactory(published_at="2027-01-01T00:00Z")
    client.force_login(staff)
    url = reverse("admin:forum_edition_changelist")
    data = {
        "action": "unpublish_selected",
        helpers.ACTION_CHECKBOX_NAME: [edition.pk],
        "reason": "Published by mistake",
    }

    page = client.post(url, data)
    assert page.status_code == 200
    assert 'value="Published by mistake"' in page.content.decode()
    edition.refresh_from_db()
    assert not edition.is_draft

    missing = client.post(url, {**data, "confirm": "yes", "reason": ""})
    assert missing.status_code == 302
    edition.refresh_from_db()
    assert not edition.is_draft

    client.post(url, {**data, "confirm": "yes"})
    edition.refresh_from_db()
    assert edition.is_draft
    log = ActivityLog.objects.get(action="unpublish")
    assert (log.actor, log.field, log.reason, log.after) == (
        staff,
        "published_at",
        "Published by mistake",
        "",
    )
    assert client.get(edition.get_absolute_url()).status_code == 200  # staff preview
    client.logout()
    assert client.get(edition.get_absolute_url()).status_code == 404
