from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind
from prizes.fingerprint import fingerprint
from prizes.models import ContestPhase, Vote
from prizes.services import vote_cast, vote_invalidate
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.support.refusals import NOT_ALLOWED, refused


def cast(user, project, **kwargs):
    return vote_cast(
        voter=user,
        year=project.contest.year,
        project_id=project.pk,
        ip=kwargs.pop("ip", "203.0.113.9"),
        user_agent=kwargs.pop("user_agent", "Test browser"),
        **kwargs,
    )


def test_vote_cast_records_hashed_audit(nominated, user):
    vote = cast(user, nominated[0])
    vote.refresh_from_db()
    assert vote.valid and vote.category_id == nominated[0].category_id
    assert vote.ip_hash == fingerprint("203.0.113.9", purpose="ip")
    assert "203.0.113.9" not in vote.ip_hash and len(vote.ip_hash) == 64
    assert vote.user_agent_hash == fingerprint("Test browser", purpose="ua")


def test_vote_cast_second_vote_in_category_refused_without_row(nominated, user):
    cast(user, nominated[0])
    with refused("already_voted", match="already voted in this category"):
        cast(user, nominated[1])
    assert Vote.objects.filter(voter=user).count() == 1
    # Another category is still open to this voter.
    cast(user, nominated[2])
    assert Vote.objects.filter(voter=user).count() == 2


def test_vote_cast_after_invalidation_still_refused(nominated, user, stakeholder):
    vote = cast(user, nominated[0])
    vote_invalidate(vote=vote, by=stakeholder, reason="Bulk accounts")
    with refused("already_voted"):
        cast(user, nominated[1])
    vote.refresh_from_db()
    assert not vote.valid and vote.invalid_reason == "Bulk accounts"


def test_vote_invalidate_requires_reason(nominated, user, stakeholder):
    vote = cast(user, nominated[0])
    with refused():
        vote_invalidate(vote=vote, by=stakeholder, reason=" ")


def test_vote_cast_without_verified_email_refused(nominated):
    voter = UserFactory(verified=False)
    with refused(NOT_ALLOWED):
        cast(voter, nominated[0])
    assert not Vote.objects.exists()


def test_vote_cast_one_second_after_close_refused_without_worker(nominated, user):
    voting = ContestPhase.objects.get(contest=nominated[0].contest, kind=PhaseKind.VOTING)
    assert voting.end_applied_at is None  # no worker has run the transition
    with time_machine.travel(voting.ends_at + timedelta(seconds=1), tick=False):
        with refused("closed"):
            cast(user, nominated[0])
    with time_machine.travel(voting.ends_at - timedelta(seconds=1), tick=False):
        cast(user, nominated[0])
    assert Vote.objects.count() == 1


def test_vote_cast_before_voting_opens_refused(db, user):
    contest = contest_at(timezone.now(), PhaseKind.NOMINATION)
    project = ProjectFactory(contest=contest)
    with refused("closed"):
        cast(user, project)


def test_vote_cast_for_project_not_on_ballot_refused(voting_contest, user):
    project = ProjectFactory(contest=voting_contest, status="submitted")
    with refused(match="not on the ballot"):
        cast(user, project)


def test_vote_view_confirmation_then_cast(client, nominated, user):
    client.force_login(user)
    url = reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Cast my vote" in page.content.decode()
    assert Vote.objects.count() == 0
    response = client.post(url)
    assert response.status_code == 303
    assert Vote.objects.filter(voter=user, project=nominated[0]).exists()
    ballot = client.get(response["Location"]).content.decode()
    assert "You have voted in 1 of 2 categories." in ballot
    assert "your vote has been recorded" in ballot


def test_vote_view_second_vote_is_409_with_message(client, nominated, user):
    client.force_login(user)
    year = nominated[0].contest.year
    client.post(reverse("prizes:vote", args=[year, nominated[0].pk]))
    response = client.post(reverse("prizes:vote", args=[year, nominated[1].pk]))
    assert response.status_code == 409
    assert "already voted in this category" in response.content.decode()
    assert Vote.objects.filter(voter=user).count() == 1
    confirm = client.get(reverse("prizes:vote", args=[year, nominated[1].pk]))
    assert confirm.status_code == 403
    assert "already voted" in confirm.content.decode()


def test_vote_view_requires_sign_in(client, nominated):
    url = reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    response = client.post(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Vote.objects.exists()


def test_vote_view_unverified_email_refused(client, nominated):
    client.force_login(UserFactory(verified=False))
    url = reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    assert client.get(url).status_code == 403
    response = client.post(url)
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert not Vote.objects.exists()


def test_vote_view_rate_limited_per_account(rate_minute_start, client, nominated, user, settings):
    client.force_login(user)
    year = nominated[0].contest.year
    statuses = [
        client.post(reverse("prizes:vote", args=[year, nominated[1].pk])).status_code
        for _ in range(21)
    ]
    assert statuses[0] == 303
    assert statuses[1:20] == [409] * 19  # refused, but counted
    assert statuses[20] == 429
    assert Vote.objects.filter(voter=user).count() == 1


def test_vote_view_rate_limited_per_ip(rate_minute_start, client, nominated):
    year = nominated[0].contest.year
    statuses = []
    for _ in range(121):
        client.force_login(UserFactory())
        statuses.append(
            client.post(reverse("prizes:vote", args=[year, nominated[0].pk])).status_code
        )
    assert statuses[:120] == [303] * 120
    assert statuses[120] == 429


def _vote_count(scope: str, key: str, rate_window: int = 60):
    import hashlib
    import time

    from django.core.cache import cache

    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return cache.get(f"rl:prizes-vote:{scope}:{digest}:{int(time.time()) // rate_window}")


def test_vote_view_anonymous_post_goes_to_sign_in_uncounted(rate_minute_start, client, nominated):
    url = reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    response = client.post(url, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302 and "login" in response["Location"]
    assert _vote_count("ip", "198.51.100.7") is None
    assert not Vote.objects.exists()


def test_vote_view_counts_before_loading_the_user_a_stale_session_too(
    rate_minute_start, client, nominated, user
):
    # The counts are sent once the session names the account, before its row is read: a
    # session that no longer signs in (the password changed) is counted, then sent to sign in.
    client.force_login(user)
    url = reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    assert client.post(url, REMOTE_ADDR="198.51.100.8").status_code == 303
    assert _vote_count("user", str(user.pk)) == 1
    user.set_password("a new password 2026")
    user.save()
    response = client.post(url, REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 302 and "login" in response["Location"]
    assert _vote_count("user", str(user.pk)) == 2
    assert _vote_count("ip", "198.51.100.8") == 2
    assert Vote.objects.filter(voter=user).count() == 1


def test_vote_view_refused_when_rate_limiter_unavailable(client, nominated, user, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "wsis_portal.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    client.force_login(user)
    response = client.post(
        reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    )
    assert response.status_code == 429
    assert not Vote.objects.exists()


def test_vote_post_query_budget(client, nominated, user, django_assert_max_num_queries):
    client.force_login(user)
    url = reverse("prizes:vote", args=[nominated[0].contest.year, nominated[0].pk])
    # session, user, and the vote's one statement (project + window + verified email, the
    # INSERT, the next category not yet voted in), which a test's transaction wraps in a
    # savepoint (SAVEPOINT, RELEASE); in production's autocommit there is no savepoint.
    with django_assert_max_num_queries(5) as captured:
        assert client.post(url).status_code == 303
    assert len(captured) == 5


def test_ballot_shuffle_stable_per_voter_and_differs_between_voters(client, voting_contest):
    projects = [ProjectFactory(contest=voting_contest) for _ in range(25)]
    url = reverse("prizes:ballot_category", args=[voting_contest.year, "C1"])

    def order(c):
        return [p.pk for p in c.get(url).context["projects"]]

    first = order(client)
    assert sorted(first) == sorted(p.pk for p in projects)  # every project once, one page
    assert order(client) == first  # stable for the same (anonymous) visitor
    client.force_login(UserFactory())
    signed_in = order(client)
    assert sorted(signed_in) == sorted(first)
    assert signed_in == order(client)
    other = client.__class__()
    other.force_login(UserFactory())
    assert order(other) != signed_in


def test_ballot_category_searches_within_category(client, nominated):
    year = nominated[0].contest.year
    page = client.get(reverse("prizes:ballot_category", args=[year, "C2"]))
    assert [p.pk for p in page.context["projects"]] == [nominated[2].pk]
    page = client.get(
        reverse("prizes:ballot_category", args=[year, "C1"]), {"q": nominated[1].title}
    )
    assert [p.pk for p in page.context["projects"]] == [nominated[1].pk]


def test_ballot_former_category_filter_leads_to_category_page(client, nominated):
    year = nominated[0].contest.year
    response = client.get(reverse("prizes:ballot", args=[year]), {"category": "c2", "q": "x"})
    assert response.status_code == 302
    assert response["Location"] == reverse("prizes:ballot_category", args=[year, "C2"]) + "?q=x"


def test_ballot_says_when_ballot_must_be_complete(client, db, user):
    contest = contest_at(timezone.now(), PhaseKind.VOTING, complete_ballot_required=True)
    ProjectFactory(contest=contest)
    client.force_login(user)
    body = client.get(reverse("prizes:ballot", args=[contest.year])).content.decode()
    assert "counts only once it is complete" in body
    assert "You have voted in 0 of 1 categories." in body


@pytest.mark.parametrize("count", [1, 3])
def test_ballot_query_budget(client, voting_contest, user, count, django_assert_num_queries):
    for i in range(count):
        ProjectFactory(contest=voting_contest, category=category(voting_contest, f"C{i + 1}"))
    client.force_login(user)
    url = reverse("prizes:ballot", args=[voting_contest.year])
    client.get(url)
    # session, user, contest + phases (2), choices, categories with their counts, and
    # whether the voter asked for the reminder before voting closes
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_ballot_category_query_budget(
    client, voting_contest, user, count, django_assert_num_queries
):
    for _ in range(count):
        ProjectFactory(contest=voting_contest)
    client.force_login(user)
    url = reverse("prizes:ballot_category", args=[voting_contest.year, "C1"])
    client.get(url)
    # session, user, contest + phases (2), choices, categories with their counts, projects
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.status_code == 200 and len(response.context["projects"]) == count


def test_project_page_public_only_on_ballot(client, voting_contest):
    draft = ProjectFactory(contest=voting_contest, status="draft")
    nominated = ProjectFactory(contest=voting_contest)
    assert (
        client.get(reverse("prizes:project", args=[voting_contest.year, draft.pk])).status_code
        == 404
    )
    page = client.get(reverse("prizes:project", args=[voting_contest.year, nominated.pk]))
    assert page.status_code == 200 and nominated.title in page.content.decode()
    client.force_login(draft.submitter)
    assert (
        client.get(reverse("prizes:project", args=[voting_contest.year, draft.pk])).status_code
        == 200
    )
