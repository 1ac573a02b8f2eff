"""Next year in one step (issue 14, item 2): the copies each app makes, and the admin
action with its confirmation page."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from django.utils import timezone

from accounts.roles import SECRETARIAT
from consultations.models import Consultation, ConsultationPhase
from consultations.next_year import consultation_next_year_plan, consultation_next_year_prepare
from forum.models import Edition
from forum.next_year import edition_next_year_prepare
from prizes.models import Contest
from prizes.next_year import contest_next_year_plan, contest_next_year_prepare
from prizes.presets import contest_phase_presets
from prizes.services import contest_create
from stocktaking.enums import CallKind
from stocktaking.models import Call
from stocktaking.next_year import call_next_year_prepare
from tests.factories.accounts import UserFactory
from tests.factories.consultations import ConsultationFactory, consultation_with_phases
from tests.support.refusals import refused
from wsis_portal.models import ActivityLog

pytestmark = pytest.mark.django_db

WEEKS_52 = timedelta(weeks=52)


@pytest.fixture
def secretariat():
    return UserFactory(is_staff=True, groups=[SECRETARIAT])


@pytest.fixture
def edition_2031():
    return Edition.objects.create(
        year=2031,
        theme="WSIS Forum 2031: building on WSIS+20 (2025)",
        theme_fr="Forum du SMSI 2031",
        starts_on=date(2031, 6, 9),
        ends_on=date(2031, 6, 13),
        venue="Geneva",
        in_person_capacity=1500,
        registration_opens_at=datetime(2031, 1, 15, 8, tzinfo=UTC),
        registration_closes_at=datetime(2031, 6, 1, 21, 59, tzinfo=UTC),
        published_at=timezone.now(),
    )


@pytest.fixture
def contest_2031(edition_2031):
    rows = contest_phase_presets(2031, forum_starts=date(2031, 6, 9), forum_ends=date(2031, 6, 13))
    contest = contest_create(
        year=2031,
        title="WSIS Prizes 2031",
        phases={row["kind"]: (row["starts_at"], row["ends_at"]) for row in rows},
        edition=edition_2031,
        champions_per_category=3,
        complete_ballot_required=True,
        published=True,
    )
    Contest.objects.filter(pk=contest.pk).update(title_fr="Prix du SMSI 2031")
    contest.refresh_from_db()
    return contest


def _local(moment):
    return timezone.localtime(moment)


def test_the_edition_moves_to_the_same_weekdays_as_a_draft(edition_2031, secretariat):
    copy = edition_next_year_prepare(edition=edition_2031, by=secretariat)
    assert copy.year == 2032 and copy.is_draft
    assert copy.starts_on == date(2032, 6, 7) and copy.starts_on.weekday() == 0  # a Monday
    assert copy.ends_on - copy.starts_on == edition_2031.ends_on - edition_2031.starts_on
    assert copy.theme_en == "WSIS Forum 2032: building on WSIS+20 (2025)"
    assert copy.theme_fr == "Forum du SMSI 2032"
    assert (copy.venue, copy.in_person_capacity) == ("Geneva", 1500)
    assert (
        _local(copy.registration_opens_at).time()
        == _local(edition_2031.registration_opens_at).time()
    )
    log = ActivityLog.objects.get(action="edition_next_year")
    assert (log.object_id, log.actor, log.before, log.after) == (
        copy.pk,
        secretariat,
        "2031",
        "2032",
    )


def test_the_contest_copies_phases_categories_rules_and_titles_as_a_draft(
    contest_2031, secretariat
):
    edition_next_year_prepare(edition=contest_2031.edition, by=secretariat)
    # This year's categories, as the Secretariat left them (one removed), not a fresh set.
    contest_2031.categories.order_by("pk").first().delete()
    copy = contest_next_year_prepare(contest=contest_2031, by=secretariat)

    assert (copy.year, copy.title_en, copy.title_fr) == (
        2032,
        "WSIS Prizes 2032",
        "Prix du SMSI 2032",
    )
    assert copy.is_draft and copy.edition.year == 2032
    assert (copy.champions_per_category, copy.complete_ballot_required) == (3, True)
    old = {p.kind: p for p in contest_2031.phases.all()}
    new = {p.kind: p for p in copy.phases.all()}
    assert set(new) == set(old)
    for kind, phase in new.items():
        for name in ("starts_at", "ends_at"):
            before, after = _local(getattr(old[kind], name)), _local(getattr(phase, name))
            assert after.weekday() == before.weekday(), (kind, name)
            assert after.time() == before.time(), (kind, name)
            assert after.date() - before.date() == timedelta(days=364), (kind, name)
        assert phase.transition_applied_at is None and phase.end_applied_at is None
    assert sorted(copy.categories.values_list("action_line__code", flat=True)) == sorted(
        contest_2031.categories.values_list("action_line__code", flat=True)
    )
    assert copy.categories.count() == contest_2031.categories.count() > 0
    assert ActivityLog.objects.filter(action="contest_next_year", object_id=copy.pk).count() == 1


def test_next_years_contest_is_refused_once_it_exists(contest_2031, secretariat):
    edition_next_year_prepare(edition=contest_2031.edition, by=secretariat)
    contest_next_year_prepare(contest=contest_2031, by=secretariat)
    with refused("duplicate"):
        contest_next_year_prepare(contest=contest_2031, by=secretariat)
    assert Contest.objects.filter(year=2032).count() == 1
    assert ActivityLog.objects.filter(action="contest_next_year").count() == 1


def test_the_contest_waits_for_next_years_edition(contest_2031, secretariat):
    plan = contest_next_year_plan(contest=contest_2031)
    assert plan.refusal is not None and plan.refusal.code == "missing"
    assert "WSIS Forum 2032" in plan.refusal.message
    with refused("missing"):
        contest_next_year_prepare(contest=contest_2031, by=secretariat)
    assert not Contest.objects.filter(year=2032).exists()


def test_the_contest_plan_counts_its_categories_in_the_readers_plural(contest_2031):
    from django.utils import translation

    contest_2031.categories.exclude(
        pk=contest_2031.categories.order_by("pk").values("pk")[:1]
    ).delete()
    with translation.override("en"):
        assert "1 category" in contest_next_year_plan(contest=contest_2031).copied
    with translation.override("ru"):
        assert "1 категория" in contest_next_year_plan(contest=contest_2031).copied


def test_the_consultation_copies_its_six_phases_without_last_years_meeting_notes(secretariat):
    consultation = consultation_with_phases(
        opening=datetime(2030, 9, 2, 7, tzinfo=UTC),
        edition=Edition.objects.create(
            year=2031, starts_on=date(2031, 6, 9), ends_on=date(2031, 6, 13)
        ),
        title="WSIS Forum 2031: Open Consultation Process",
        slug="wsis-forum-2031",
        description="From September 2030 to May 2031.",
        nominations_deadline=datetime(2031, 2, 20, 22, 59, tzinfo=UTC),
    )
    ConsultationPhase.objects.filter(consultation=consultation, number=2).update(
        agenda="Item 1", minutes="Held.", name_fr="Première réunion 2031"
    )
    plan = consultation_next_year_plan(consultation=consultation)
    assert plan.refusal is not None and plan.refusal.code == "missing"

    Edition.objects.create(year=2032, starts_on=date(2032, 6, 7), ends_on=date(2032, 6, 11))
    copy = consultation_next_year_prepare(consultation=consultation, by=secretariat)

    assert copy.is_draft and copy.edition.year == 2032
    assert (copy.slug, copy.title_en) == (
        "wsis-forum-2032",
        "WSIS Forum 2032: Open Consultation Process",
    )
    assert copy.description_en == "From September 2031 to May 2032."
    assert copy.nominations_deadline - consultation.nominations_deadline == WEEKS_52
    phases = list(copy.phases.order_by("number"))
    assert [p.number for p in phases] == [1, 2, 3, 4, 5, 6]
    second = phases[1]
    assert (second.agenda, second.minutes, second.remote_participation_url) == ("", "", "")
    assert second.name_fr == "Première réunion 2032"
    assert second.venue == "ITU Headquarters, Geneva"
    for old, new in zip(consultation.phases.order_by("number"), phases, strict=True):
        assert _local(new.starts_at).time() == _local(old.starts_at).time()
        assert _local(new.starts_at).weekday() == _local(old.starts_at).weekday()
    with refused("duplicate"):
        consultation_next_year_prepare(consultation=consultation, by=secretariat)
    assert Consultation.objects.filter(edition__year=2032).count() == 1


def test_the_call_moves_to_next_year_and_next_report(secretariat):
    call = Call.objects.create(
        year=2031,
        kind=CallKind.NEW_ENTRIES,
        report_year=2032,
        report_title="WSIS Stocktaking Report 2032",
        starts_at=datetime(2031, 1, 6, 8, tzinfo=UTC),
        ends_at=datetime(2031, 3, 31, 21, 59, tzinfo=UTC),
        published_at=timezone.now(),
    )
    copy = call_next_year_prepare(call=call, by=secretariat)
    assert (copy.year, copy.report_year, copy.kind) == (2032, 2033, CallKind.NEW_ENTRIES)
    assert copy.report_title_en == "WSIS Stocktaking Report 2033"
    assert copy.is_draft
    assert _local(copy.starts_at).time() == _local(call.starts_at).time()
    # The call closes on the last day of March, in summer time; next year too (same hour).
    assert _local(copy.ends_at).hour == _local(call.ends_at).hour
    with refused("duplicate"):
        call_next_year_prepare(call=call, by=secretariat)


def _action(client, model_admin_url, pk, **extra):
    data = {"action": "prepare_next_year", helpers.ACTION_CHECKBOX_NAME: [pk], **extra}
    return client.post(model_admin_url, data)


def test_the_admin_shows_every_new_date_beside_the_old_before_creating(
    client, contest_2031, secretariat
):
    client.force_login(secretariat)
    edition_next_year_prepare(edition=contest_2031.edition, by=secretariat)
    url = reverse("admin:prizes_contest_changelist")

    page = _action(client, url, contest_2031.pk)
    assert page.status_code == 200
    body = page.content.decode()
    assert "WSIS Prizes 2031 → WSIS Prizes 2032" in body
    # Phase I's opening, this year and next (the same weekday, 52 weeks on).
    submission = contest_2031.phases.get(kind="submission")
    old_day = _local(submission.starts_at)
    new_day = old_day + WEEKS_52
    assert old_day.strftime("%A %-d %B %Y") in body
    assert new_day.strftime("%A %-d %B %Y") in body
    assert 'name="confirm" value="yes"' in body
    assert not Contest.objects.filter(year=2032).exists()

    done = _action(client, url, contest_2031.pk, confirm="yes")
    assert done.status_code == 302
    copy = Contest.objects.get(year=2032)
    assert copy.is_draft
    messages = [str(m) for m in done.wsgi_request._messages]
    assert any("prepared as a draft" in m for m in messages)


def test_the_admin_page_says_why_it_cannot_and_offers_no_confirmation(
    client, contest_2031, secretariat
):
    client.force_login(secretariat)
    page = _action(client, reverse("admin:prizes_contest_changelist"), contest_2031.pk)
    body = page.content.decode()
    assert "Prepare the WSIS Forum 2032 first" in body
    assert "Yes, create the drafts" not in body


@pytest.mark.parametrize(
    ("model_url", "factory"),
    [
        ("admin:forum_edition_changelist", lambda: Edition.objects.create(
            year=2040, starts_on=date(2040, 6, 4), ends_on=date(2040, 6, 8))),
        ("admin:stocktaking_call_changelist", lambda: Call.objects.create(
            year=2040, kind=CallKind.UPDATES, report_year=2040,
            starts_at=datetime(2040, 1, 9, 8, tzinfo=UTC), ends_at=datetime(2040, 2, 9, 8, tzinfo=UTC))),
        ("admin:consultations_consultation_changelist", lambda: ConsultationFactory(
            edition=Edition.objects.create(year=2040, starts_on=date(2040, 6, 4), ends_on=date(2040, 6, 8)))),
    ],
)  # fmt: skip
def test_every_kind_offers_next_year_with_its_confirmation_page(
    client, secretariat, model_url, factory
):
    obj = factory()
    client.force_login(secretariat)
    page = _action(client, reverse(model_url), obj.pk)
    assert page.status_code == 200
    assert "Prepare next year" in page.content.decode()


def test_select_all_is_carried_to_the_confirmation(client, secretariat, edition_2031):
    client.force_login(secretariat)
    url = reverse("admin:forum_edition_changelist")
    data = {
        "action": "prepare_next_year",
        "select_across": "1",
        helpers.ACTION_CHECKBOX_NAME: [edition_2031.pk],
    }
    page = client.post(url, data)
    body = page.content.decode()
    assert "WSIS Forum 2031 → WSIS Forum 2032" in body
    assert 'name="select_across" value="1"' in body
    client.post(url, {**data, "confirm": "yes"})
    assert Edition.objects.filter(year=2032).count() == 1
