"""Fifty simultaneous votes of one voter in one category leave exactly one row."""

import threading

import pytest
from django.db import connection

from prizes.exceptions import AlreadyVoted
from prizes.models import Vote
from prizes.services import vote_cast
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, contest_at

THREADS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_threads_same_voter_same_category_one_row(postgres):
    from django.utils import timezone

    contest = contest_at(timezone.now())
    projects = [ProjectFactory(contest=contest) for _ in range(5)]
    voter = UserFactory()
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        try:
            barrier.wait()
            vote_cast(
                voter=voter,
                year=contest.year,
                project_id=projects[i % len(projects)].pk,
                ip=f"198.51.100.{i}",
                user_agent="thread",
            )
            result = "ok"
        except AlreadyVoted:
            result = "already"
        except Exception as exc:  # anything else is a bug: it would be a server error
            result = f"error: {exc!r}"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1, outcomes
    assert outcomes.count("already") == THREADS - 1, outcomes
    assert Vote.objects.filter(voter=voter).count() == 1
