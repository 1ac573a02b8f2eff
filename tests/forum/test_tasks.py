from datetime import UTC, datetime

import pytest
import time_machine

from forum.models import Registration
from forum.programme.services import registration_create
from tests.conftest import wait_for
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum_programme import EditionFactory

OPEN = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)


@pytest.mark.services
def test_confirmation_email_goes_through_a_real_worker(celery_worker):
    edition = EditionFactory()
    user = StakeholderFactory()
    with time_machine.travel(OPEN, tick=False):
        registration = registration_create(edition=edition, user=user, mode="remote")

    def sent():
        return Registration.objects.filter(
            pk=registration.pk, confirmation_sent_at__isnull=False
        ).exists()

    wait_for(sent, timeout=30)
    assert "wsis_portal.tasks.outbox_deliver" in celery_worker.output()
    assert user.email in celery_worker.output()  # the console email backend of the worker
