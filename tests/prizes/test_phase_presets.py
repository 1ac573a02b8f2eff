"""A new contest and a new consultation start with the real process's phases (issue 14, item 3)."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation
from consultations.presets import consultation_phase_presets
from prizes.models import Contest
from prizes.presets import contest_phase_presets
from tests.factories.consultations import EditionFactory

pytestmark = pytest.mark.django_db


def _local(value: datetime) -> tuple:
    local = timezone.localtime(value)
    return (local.year, local.month, local.day, local.hour, local.minute)


def _phase_formset(response):
    return next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "phases"
    )


def _post_data(formset, fields) -> dict:
    """The add page's inline rows posted as offered (nobody changed them)."""
    data = {
        "phases-TOTAL_FORMS": len(formset.forms),
        "phases-INITIAL_FORMS": 0,
        "phases-MIN_NUM_FORMS": 0,
        "phases-MAX_NUM_FORMS": 1000,
    }
    for i, form in enumerate(formset.forms):
        for name in fields:
            value = form.initial.get(name, "")
            if isinstance(value, datetime):
                local = timezone.localtime(value)
                data[f"phases-{i}-{name}_0"] = local.strftime("%Y-%m-%d")
                data[f"phases-{i}-{name}_1"] = local.strftime("%H:%M:%S")
            else:
                data[f"phases-{i}-{name}"] = value
    return data


def test_contest_presets_follow_the_seed_calendar():
    rows = contest_phase_presets(2017, forum_starts=date(2017, 6, 12), forum_ends=date(2017, 6, 16))
    assert [r["kind"] for r in rows] == [
        "submission",
        "nomination",
        "voting",
        "selection",
        "ceremony",
    ]
    # Seed 002: I 5 Sep 2016 - 15 Feb 2017, II 16 Feb - 15 Mar, III 16 Mar - 15 Apr,
    # IV 16 - 25 Apr, V during the Forum (12-16 June 2017).
    assert _local(rows[0]["starts_at"]) == (2016, 9, 5, 0, 0)
    assert _local(rows[0]["ends_at"]) == (2017, 2, 16, 0, 0)
    assert _local(rows[1]["starts_at"]) == (2017, 2, 16, 0, 0)
    assert _local(rows[2]["starts_at"]) == (2017, 3, 16, 0, 0)
    assert _local(rows[2]["ends_at"]) == (2017, 4, 16, 0, 0)
    assert _local(rows[3]["ends_at"]) == (2017, 4, 26, 0, 0)
    assert _local(rows[4]["starts_at"]) == (2017, 6, 12, 0, 0)
    assert _local(rows[4]["ends_at"]) == (2017, 6, 17, 0, 0)


def test_consultation_presets_follow_the_seed_calendar():
    rows = consultation_phase_presets(2017)
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5, 6]
    starts = [_local(r["starts_at"])[:3] for r in rows]
    assert starts[0] == (2016, 9, 1)
    assert starts[1] == (2016, 10, 12)
    assert starts[2] == (2017, 2, 14)
    assert _local(rows[3]["ends_at"])[:3] == (2017, 2, 20)  # the submissions deadline
    assert starts[4] == (2017, 3, 14)
    assert starts[5] == (2017, 5, 10)


def test_contest_add_page_offers_the_five_phases_and_saves_them(admin_client):
    edition = EditionFactory(year=2091)
    url = reverse("admin:prizes_contest_add")
    page = admin_client.get(url, {"year": 2091})
    formset = _phase_formset(page)
    assert len(formset.forms) == 5
    assert formset.forms[0].initial["kind"] == "submission"
    data = {
        "year": 2091,
        "title_en": "WSIS Prizes 2091",
        "edition": edition.pk,
        "champions_per_category": 5,
        "categories-TOTAL_FORMS": 0,
        "categories-INITIAL_FORMS": 0,
        "categories-MIN_NUM_FORMS": 0,
        "categories-MAX_NUM_FORMS": 1000,
        **_post_data(formset, ["kind", "starts_at", "ends_at"]),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    contest = Contest.objects.get(year=2091)
    phases = list(contest.phases.order_by("starts_at"))
    assert len(phases) == 5
    assert _local(phases[0].starts_at)[:3] == (2090, 9, 5)
    assert _local(phases[4].starts_at)[:3] == (2091, 5, 12)  # the edition's first day
    assert contest.is_draft


def test_consultation_add_page_offers_the_six_phases(admin_client):
    page = admin_client.get(reverse("admin:consultations_consultation_add"), {"year": 2091})
    formset = _phase_formset(page)
    assert [f.initial["number"] for f in formset.forms] == [1, 2, 3, 4, 5, 6]
    assert _local(formset.forms[3].initial["ends_at"])[:3] == (2091, 2, 20)
    assert Consultation.objects.count() == 0


def test_change_page_adds_no_preset_rows(admin_client):
    from tests.factories.prizes import contest_at

    contest = contest_at(timezone.now())
    page = admin_client.get(reverse("admin:prizes_contest_change", args=[contest.pk]))
    assert len(_phase_formset(page).forms) == contest.phases.count()


def test_consultation_add_page_offers_the_phase_names_in_the_six_languages(admin_client):
    page = admin_client.get(reverse("admin:consultations_consultation_add"), {"year": 2091})
    first = _phase_formset(page).forms[0].initial
    assert first["name_en"] == "Opening of the open consultations"
    assert first["name_fr"] == "Ouverture des consultations ouvertes"
    assert first["name_zh_hans"] == "公开磋商启动"
    assert "الاجتماع الحضوري الأول" in page.content.decode()  # shown in the Arabic column
