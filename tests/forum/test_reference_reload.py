"""A flushed database gets its reference rows back in bulk exactly as the row-by-row path makes
them. Every transactional test ends with a flush (done with DELETE by the test database backend,
tests/support/postgresql_fast_flush); post_migrate's loaders then insert the Action Lines, Goals
and UNGIS members in a few statements instead of a few hundred."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import translation

from forum.base.selectors import matrix_version
from forum.base.services import taxonomy_load
from forum.base.taxonomy import ACTION_LINES
from forum.models import SDG, ActionLine
from ungis.members import MEMBERS
from ungis.models import Agency, Initiative
from ungis.services import members_load

pytestmark = pytest.mark.django_db(transaction=True)


def rows(model, key: str) -> list[dict]:
    # Every column but the key and the clock's stamps (created_at, updated_at).
    fields = [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]
    return sorted(model.objects.values(*fields), key=lambda row: row[key])


def reference() -> dict:
    return {
        "action lines": rows(ActionLine, "code"),
        "goals": rows(SDG, "number"),
        "agencies": rows(Agency, "acronym"),
        "initiatives": rows(Initiative, "slug"),
        "leads": sorted(
            (initiative.slug, sorted(a.acronym for a in initiative.lead_agencies.all()))
            for initiative in Initiative.objects.all()
        ),
    }


def test_a_flush_loads_the_reference_rows_in_bulk_as_row_by_row_does():
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert not ActionLine.objects.exists() and not Agency.objects.exists()
    # One row already there sends each loader down its row-by-row path.
    code, number, title = ACTION_LINES[0]
    acronym, name = MEMBERS[0]
    with translation.override("en"):
        ActionLine.objects.create(code=code, number=number, title=title)
        Agency.objects.create(acronym=acronym, name=name, is_member=True)
    taxonomy_load()
    members_load()
    row_by_row = reference()
    assert len(row_by_row["action lines"]) == len(ACTION_LINES)
    assert len(row_by_row["agencies"]) == len(MEMBERS)
    version = matrix_version()

    call_command("flush", interactive=False, verbosity=0)

    assert reference() == row_by_row
    # The rows were announced as saves: the cached matrix grid is stale.
    assert matrix_version() != version
