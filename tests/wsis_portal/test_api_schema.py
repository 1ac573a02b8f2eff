"""schemathesis against /api/schema/: generated requests, valid and invalid, never get a 5xx;
every answer is documented and matches the schema; a schema-valid request is not refused."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.factories.stocktaking import EntryFactory


def _schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def requests_keep_the_test_connection():
    """Like Django's test client: a request through the WSGI app must not close the test's
    database connection (and with it the test's transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("requests_keep_the_test_connection")
@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_api_answers_as_its_schema_says(mode):
    EntryFactory(action_lines=["C2", "C4"], sdgs=[4, 9], country="KE")
    EntryFactory(country="FR", is_success_story=True)
    SessionFactory(edition=EditionFactory(year=2027))
    operations = [result.ok() for result in _schema().get_all_operations()]
    assert len(operations) >= 6
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and not list(operation.iter_parameters()):
            continue  # nothing to get wrong in a request without parameters

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def attack(case):
            # Page numbers are lenient by design (issue 10: clamped, never refused), so an
            # invalid ?page= is answered with the nearest page; every other check applies.
            case.call_and_validate(excluded_checks=[negative_data_rejection])

        attack()


def test_schema_documents_errors_and_real_values(client, db):
    schema = client.get("/api/schema/?format=json").json()
    entries = schema["paths"]["/api/stocktaking/entries/"]["get"]
    assert {"200", "400", "404"} <= set(entries["responses"])
    params = {p["name"]: p["schema"] for p in entries["parameters"]}
    assert params["sdg"]["items"]["enum"] == list(range(1, 18))
    assert "C1" in params["action_line"]["items"]["enum"]
    # sdg=0 is outside the schema, so the API may refuse it; every SDG in it is accepted.
    assert client.get("/api/stocktaking/entries/?sdg=17").status_code == 200
    assert client.get("/api/stocktaking/entries/?sdg=0").status_code == 400
