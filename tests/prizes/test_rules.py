"""The contest's rules, categories and phases."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import Category, Contest, ContestPhase, Project
from prizes.services import (
    contest_categories_create,
    contest_create,
    contest_rules_update,
    projects_nominate,
)
from tests.factories.accounts import UserFactory
from tests.factories.forum_programme import EditionFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.support.refusals import refused


def test_contest_created_with_eighteen_categories_and_five_phases(db):
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    assert Category.objects.filter(contest=contest).count() == 18
    assert [p.kind for p in ContestPhase.objects.filter(contest=contest)] == list(PhaseKind.values)


def test_contest_phases_must_not_overlap(db):
    now = timezone.now()
    with pytest.raises(ValidationError):
        contest_create(
            year=2090,
            title="Overlap",
            edition=EditionFactory(year=2090),
            phases={
                PhaseKind.SUBMISSION: (now, now + timedelta(days=10)),
                PhaseKind.NOMINATION: (now + timedelta(days=5), now + timedelta(days=20)),
            },
        )


def test_rules_change_before_voting_but_frozen_once_voting_opens(db):
    before = contest_at(timezone.now(), PhaseKind.NOMINATION)
    contest_rules_update(contest=before, champions_per_category=3, complete_ballot_required=True)
    before.refresh_from_db()
    assert before.champions_per_category == 3

    during = contest_at(timezone.now(), PhaseKind.VOTING)
    with refused(match="frozen"):
        contest_rules_update(contest=during, complete_ballot_required=True)
    during.complete_ballot_required = True
    with pytest.raises(ValidationError) as error:
        during.full_clean()
    assert "complete_ballot_required" in error.value.message_dict
    with refused():
        contest_categories_create(contest=during)


def test_admin_freezes_rules_once_voting_opens(admin_client, db):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    page = admin_client.get(reverse("admin:prizes_contest_change", args=[contest.pk]))
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "champions_per_category" not in form.fields
    assert "complete_ballot_required" not in form.fields


def test_admin_phase_formset_rejects_overlap(admin_client, db):
    now = timezone.now()
    data = {
        "year": 2091,
        "title_en": "Contest",  # the title is translated: one field per language
        "edition": EditionFactory(year=2091).pk,
        "champions_per_category": 5,
        "phases-TOTAL_FORMS": 2,
        "phases-INITIAL_FORMS": 0,
        "phases-MIN_NUM_FORMS": 0,
        "phases-MAX_NUM_FORMS": 5,
        "phases-0-kind": "submission",
        "phases-0-starts_at_0": now.strftime("%Y-%m-%d"),
        "phases-0-starts_at_1": "00:00:00",
        "phases-0-ends_at_0": (now + timedelta(days=10)).strftime("%Y-%m-%d"),
        "phases-0-ends_at_1": "00:00:00",
        "phases-1-kind": "nomination",
        "phases-1-starts_at_0": (now + timedelta(days=5)).strftime("%Y-%m-%d"),
        "phases-1-starts_at_1": "00:00:00",
        "phases-1-ends_at_0": (now + timedelta(days=20)).strftime("%Y-%m-%d"),
        "phases-1-ends_at_1": "00:00:00",
        "categories-TOTAL_FORMS": 0,
        "categories-INITIAL_FORMS": 0,
        "categories-MIN_NUM_FORMS": 0,
        "categories-MAX_NUM_FORMS": 1000,
    }
    response = admin_client.post(reverse("admin:prizes_contest_add"), data)
    assert response.status_code == 200
    assert "must start after" in response.content.decode()
    data["phases-1-starts_at_0"] = (now + timedelta(days=10)).strftime("%Y-%m-%d")
    response = admin_client.post(reverse("admin:prizes_contest_add"), data)
    assert response.status_code == 302
    assert Category.objects.filter(contest__year=2091).count() == 18


def test_admin_decline_needs_reason_and_nominate_works(admin_client, db):
    contest = contest_at(timezone.now(), PhaseKind.NOMINATION)
    a = ProjectFactory(contest=contest, status=ProjectStatus.SUBMITTED)
    b = ProjectFactory(contest=contest, status=ProjectStatus.SUBMITTED)
    url = reverse("admin:prizes_project_changelist")
    admin_client.post(
        url, {"action": "decline", "_selected_action": [a.pk], "reason": "", "confirm": "yes"}
    )
    a.refresh_from_db()
    assert a.status == ProjectStatus.SUBMITTED
    admin_client.post(
        url,
        {
            "action": "decline",
            "_selected_action": [a.pk],
            "reason": "Out of scope",
            "confirm": "yes",
        },
    )
    admin_client.post(
        url, {"action": "nominate", "_selected_action": [b.pk], "reason": "", "confirm": "yes"}
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.status_reason) == (ProjectStatus.NOT_NOMINATED, "Out of scope")
    assert b.status == ProjectStatus.NOMINATED


def test_nominations_frozen_once_voting_opens(db):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    project = ProjectFactory(contest=contest, status=ProjectStatus.SUBMITTED)
    with refused(match="frozen"):
        projects_nominate(
            projects=Project.objects.filter(pk=project.pk), by=UserFactory(), nominate=True
        )


def test_admin_invalidate_votes_with_reason(admin_client, nominated):
    from tests.factories.prizes import vote

    v = vote(nominated[0])
    url = reverse("admin:prizes_vote_changelist")
    admin_client.post(
        url, {"action": "invalidate", "_selected_action": [v.pk], "reason": "Bot", "confirm": "yes"}
    )
    v.refresh_from_db()
    assert not v.valid and v.invalid_reason == "Bot"


def test_admin_pages_render(admin_client, nominated):
    from prizes.models import ExpertAssignment
    from tests.factories.prizes import vote

    vote(nominated[0])
    ExpertAssignment.objects.create(contest=nominated[0].contest, expert=UserFactory())
    for name in ("contest", "project", "vote", "tally", "expertassignment", "expertscore"):
        assert admin_client.get(reverse(f"admin:prizes_{name}_changelist")).status_code == 200
    assert (
        admin_client.get(reverse("admin:prizes_project_change", args=[nominated[0].pk])).status_code
        == 200
    )
    assert admin_client.get(reverse("admin:prizes_expertassignment_add")).status_code == 200


def test_admin_assignment_categories_of_same_contest(admin_client, nominated):
    other = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    expert = UserFactory()
    response = admin_client.post(
        reverse("admin:prizes_expertassignment_add"),
        {
            "contest": nominated[0].contest.pk,
            "expert": expert.pk,
            "categories": [Category.objects.filter(contest=other).first().pk],
        },
    )
    assert response.status_code == 200
    assert "same contest" in response.content.decode()


def _phase_formset(contest, superuser, change=None):
    """The admin's phase formset for ``contest``, posted back with ``change`` applied."""
    from django.contrib import admin as django_admin
    from django.test import RequestFactory

    from prizes.admin import PhaseInline

    request = RequestFactory().post("/")
    request.user = superuser
    model_admin = django_admin.site._registry[type(contest)]
    inline = next(
        i for i in model_admin.get_inline_instances(request, contest) if isinstance(i, PhaseInline)
    )
    formset_class = inline.get_formset(request, contest)
    phases = list(contest.phases.order_by("starts_at"))
    data = {
        "phases-TOTAL_FORMS": len(phases),
        "phases-INITIAL_FORMS": len(phases),
        "phases-MIN_NUM_FORMS": 0,
        "phases-MAX_NUM_FORMS": 5,
    }
    for i, phase in enumerate(phases):
        values = {"starts_at": phase.starts_at, "ends_at": phase.ends_at}
        if change and phase.kind == change[0]:
            values[change[1]] = change[2]
        local = {k: timezone.localtime(v) for k, v in values.items()}
        data.update(
            {
                f"phases-{i}-id": phase.pk,
                f"phases-{i}-contest": contest.pk,
                f"phases-{i}-kind": phase.kind,
                f"phases-{i}-starts_at_0": local["starts_at"].strftime("%Y-%m-%d"),
                f"phases-{i}-starts_at_1": local["starts_at"].strftime("%H:%M:%S"),
                f"phases-{i}-ends_at_0": local["ends_at"].strftime("%Y-%m-%d"),
                f"phases-{i}-ends_at_1": local["ends_at"].strftime("%H:%M:%S"),
            }
        )
    return formset_class(data=data, instance=contest, prefix="phases")


def test_admin_refuses_moving_the_voting_window_once_voting_opened(db, admin_user):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    voting = contest.phases.get(kind=PhaseKind.VOTING)
    unchanged = _phase_formset(contest, admin_user)
    assert unchanged.is_valid(), unchanged.errors
    # Earlier, so that no overlap rule refuses it: only the freeze does.
    earlier = voting.ends_at - timedelta(days=1)
    moved = _phase_formset(contest, admin_user, (PhaseKind.VOTING, "ends_at", earlier))
    assert not moved.is_valid()
    assert "cannot be changed" in str(moved.errors)


def test_admin_still_moves_a_future_phase_during_voting(db, admin_user):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    ceremony = contest.phases.get(kind=PhaseKind.CEREMONY)
    # Later, and still within the days of the contest's Forum edition.
    later = ceremony.starts_at + timedelta(days=2)
    moved = _phase_formset(contest, admin_user, (PhaseKind.CEREMONY, "starts_at", later))
    assert moved.is_valid(), moved.errors


def test_admin_refuses_a_ceremony_outside_the_forum_edition(db, admin_user):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    ceremony = contest.phases.get(kind=PhaseKind.CEREMONY)
    beyond = ceremony.ends_at + timedelta(days=3)
    moved = _phase_formset(contest, admin_user, (PhaseKind.CEREMONY, "ends_at", beyond))
    assert not moved.is_valid()
    assert "must fall within the days of" in str(moved.non_form_errors())


def test_contest_create_refuses_a_ceremony_outside_its_edition(db):
    now = timezone.now()
    edition = EditionFactory(year=2092, starts_on=date(2092, 5, 10), ends_on=date(2092, 5, 14))
    phases = {PhaseKind.CEREMONY: (now, now + timedelta(hours=2))}
    with pytest.raises(ValidationError, match="must fall within the days of"):
        contest_create(year=2092, title="Outside", edition=edition, phases=phases)
    assert not Contest.objects.filter(year=2092).exists()


def test_contest_create_requires_an_edition(db):
    with pytest.raises(ValidationError):
        contest_create(year=2093, title="No edition", edition=None, phases={})
    assert not Contest.objects.filter(year=2093).exists()


def test_admin_votes_drill_down_lists_days_from_the_first_and_last_vote(admin_client, nominated):
    from datetime import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.prizes import vote

    zone = timezone.get_current_timezone()
    for day in (3, 6):
        vote(nominated[0], cast_at=datetime(2031, 5, day, 12, tzinfo=zone))
    url = reverse("admin:prizes_vote_changelist")
    with CaptureQueriesContext(connection) as ctx:
        page = admin_client.get(url)
    # Both votes in one month: the hierarchy opens on its days, 3 to 6 May, the empty
    # days between included, without a DISTINCT over the votes.
    assert page.status_code == 200
    content = page.content.decode()
    assert [d for d in range(1, 32) if f"cast_at__day={d}&" in content] == [3, 4, 5, 6]
    assert not [q["sql"] for q in ctx.captured_queries if "DISTINCT" in q["sql"]]
    assert admin_client.get(url + "?cast_at__year=2031&cast_at__month=5").status_code == 200
