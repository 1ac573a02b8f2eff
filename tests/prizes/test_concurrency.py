"""Fifty simultaneous votes of one voter in one category leave exactly one row."""

import threading

import pytest
from django.db import connection

from prizes.models import Vote
from prizes.services import vote_cast
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, contest_at
from wsis_portal.refusals import Refusal

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
        except Refusal as refusal:
            result = "already" if refusal.code == "already_voted" else f"error: {refusal!r}"
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


@pytest.mark.django_db(transaction=True)
def test_simultaneous_uploads_never_pass_five_attachments(postgres, settings, tmp_path):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from prizes.enums import PhaseKind, ProjectStatus
    from prizes.services import project_attachments_add

    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    pdf = b"%PDF-1.4\n%%EOF\n"
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    project = ProjectFactory(contest=contest, status=ProjectStatus.DRAFT)
    project_attachments_add(
        submitter=project.submitter,
        project=project,
        files=[SimpleUploadedFile(f"{n}.pdf", pdf) for n in range(4)],
    )
    uploaders = 6
    barrier = threading.Barrier(uploaders)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        try:
            barrier.wait()
            project_attachments_add(
                submitter=project.submitter,
                project=project,
                files=[SimpleUploadedFile(f"late-{i}.pdf", pdf)],
            )
            result = "ok"
        except ValidationError:
            result = "refused"
        except Exception as exc:  # anything else would be a server error
            result = f"error: {exc!r}"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(uploaders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok"] + ["refused"] * (uploaders - 1), outcomes
    assert project.attachments.count() == 5
    assert len(list((tmp_path / "prizes" / "attachments").iterdir())) == 5
