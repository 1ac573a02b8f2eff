"""Every write of the WSIS Prizes contest (services: ``<noun>_<verb>``)."""

from __future__ import annotations

import functools
import hashlib
import logging
from collections import defaultdict
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from accounts.models import User
from accounts.roles import EXPERT_GROUP, in_group
from accounts.selectors import user_has_verified_email
from forum.models import ActionLine, Edition
from wsis_portal import outbox
from wsis_portal.activity import CLOCK, transition_write
from wsis_portal.models import claim_once
from wsis_portal.refusals import Refusal

from . import emails
from .enums import (
    BALLOT_STATES,
    EDITABLE_STATES,
    PROJECT_TRANSITIONS,
    PhaseKind,
    ProjectStatus,
)
from .models import (
    ATTACHMENTS_PER_PROJECT,
    FROZEN_RULES,
    Category,
    Contest,
    ContestPhase,
    ExpertAssignment,
    ExpertScore,
    Project,
    ProjectAttachment,
    Tally,
    Vote,
    attachment_display_name,
    ceremony_edition_errors,
    phase_order_errors,
)
from .selectors import proposed_winners

logger = logging.getLogger(__name__)

# How often the live tally is recounted during voting (the beat tick runs every minute).
LIVE_TALLY_EVERY = timedelta(seconds=getattr(settings, "PRIZES_LIVE_TALLY_SECONDS", 300))


def fingerprint(value: str, *, purpose: str) -> str:
    """A salted SHA-256 of an IP address or user agent: comparable, never reversible to the raw value."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{purpose}:{value}".encode()).hexdigest()


# --- contests -----------------------------------------------------------------------------


def contest_create(
    *,
    year: int,
    title: str,
    phases: dict[str, tuple[datetime, datetime]],
    edition: Edition,
    champions_per_category: int = 5,
    complete_ballot_required: bool = False,
    live_results_public: bool = False,
    published: bool = False,
) -> Contest:
    """Create a contest with its five phases and one category per Action Line, as a draft
    unless ``published`` (the Secretariat publishes it from the admin).

    The contest belongs to the Forum edition whose days hold its ceremony (seed 002: the
    Winners are announced at the WSIS Prizes ceremony during the Forum).
    """
    with transaction.atomic():
        contest = Contest(
            year=year,
            title=title,
            edition=edition,
            champions_per_category=champions_per_category,
            complete_ballot_required=complete_ballot_required,
            live_results_public=live_results_public,
            published_at=timezone.now() if published else None,
        )
        contest.full_clean()
        contest.save()
        contest_categories_create(contest=contest)
        rows = [
            ContestPhase(contest=contest, kind=kind, starts_at=start, ends_at=end)
            for kind, (start, end) in phases.items()
        ]
        errors = phase_order_errors(rows) + ceremony_edition_errors(edition, rows)
        if errors:
            raise ValidationError(errors)
        for kind in PhaseKind:
            if kind.value in phases:
                starts_at, ends_at = phases[kind.value]
                phase = ContestPhase(
                    contest=contest, kind=kind.value, starts_at=starts_at, ends_at=ends_at
                )
                phase.full_clean()
                phase.save()
    return contest


def contest_categories_create(*, contest: Contest) -> None:
    """One category per Action Line (idempotent); refused once voting has opened."""
    if contest.voting_has_opened():
        raise Refusal("frozen", _("The categories are frozen: voting has opened."))
    Category.objects.bulk_create(
        [Category(contest=contest, action_line=al) for al in ActionLine.objects.all()],
        ignore_conflicts=True,
    )


def contest_rules_update(*, contest: Contest, **rules: Any) -> Contest:
    """Change the contest's rules; refused once voting has opened (the rules are frozen)."""
    unknown = set(rules) - set(FROZEN_RULES)
    if unknown:
        raise ValueError(f"not a rule: {sorted(unknown)}")
    with transaction.atomic():
        locked = Contest.objects.select_for_update().get(pk=contest.pk)
        if locked.voting_has_opened():
            raise Refusal("frozen", _("The contest's rules are frozen: voting has opened."))
        for name, value in rules.items():
            setattr(locked, name, value)
        locked.full_clean()
        locked.save(update_fields=list(rules))
    return locked


def phase_of(contest: Contest, kind: str) -> ContestPhase | None:
    phases = getattr(contest, "_prefetched_objects_cache", {}).get("phases")
    if phases is not None:
        return next((p for p in phases if p.kind == kind), None)
    return contest.phases.filter(kind=kind).first()


def phase_require_open(*, contest: Contest, kind: str, now: datetime | None = None) -> None:
    """Refuse (code ``closed``) unless the phase is open now (the clock decides)."""
    phase = phase_of(contest, kind)
    now = now or timezone.now()
    if phase is None or not phase.is_open(now):
        if phase is not None and phase.has_ended(now):
            message = _("The %(phase)s phase ended on %(date)s.") % {
                "phase": phase.get_kind_display().lower(),
                "date": date_format(timezone.localtime(phase.ends_at), "DATETIME_FORMAT"),
            }
        elif phase is not None:
            message = _("The %(phase)s phase opens on %(date)s.") % {
                "phase": phase.get_kind_display().lower(),
                "date": date_format(timezone.localtime(phase.starts_at), "DATETIME_FORMAT"),
            }
        else:
            message = _("This phase is not scheduled for this contest.")
        raise Refusal("closed", message)


# --- projects -------------------------------------------------------------------------------

PROJECT_FIELDS = (
    "category",
    "title",
    "description",
    "organisation",
    "country",
    "stakeholder_type",
    "website",
    "image_alt",
)


def project_require_editable(
    *, submitter: User, contest: Contest, project: Project | None, now: datetime | None = None
) -> None:
    """Raise unless the submitter may change this project (or enter one) now, by the clock."""
    if not user_has_verified_email(user=submitter):
        raise Refusal("unverified", _("Confirm your email address before entering a project."))
    phase_require_open(contest=contest, kind=PhaseKind.SUBMISSION, now=now)
    if project is None:
        return
    if project.submitter_id != submitter.pk or project.contest_id != contest.pk:
        raise Refusal("not_owner", _("You can only change your own projects."))
    if project.status not in EDITABLE_STATES:
        raise Refusal("locked", _("This project can no longer be changed."))


def project_save(
    *,
    submitter: User,
    contest: Contest,
    data: dict[str, Any],
    project: Project | None = None,
    now: datetime | None = None,
) -> Project:
    """Create or edit a submitter's own project while the submission phase is open.

    ``data["attachments"]`` (optional) lists new files; they are stored with the project in
    one transaction, or none is when one of them is refused.
    """
    project_require_editable(submitter=submitter, contest=contest, project=project, now=now)
    if project is None:
        project = Project(contest=contest, submitter=submitter)
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    # A form's image is None when unchanged and False when the submitter clears it.
    if data.get("image") is not None:
        project.image = data["image"] or ""
    project.full_clean()
    files = list(data.get("attachments") or [])
    pending = _attachments_prepare(project=project, files=files, existing=0) if files else []
    try:
        with transaction.atomic():
            project.save()
            if "sdgs" in data:
                project.sdgs.set(data["sdgs"])
            if pending:
                locked = Project.objects.select_for_update().get(pk=project.pk)
                _attachments_store(project=locked, pending=pending)
    except IntegrityError:
        # Two entries of one organisation in one category raced past full_clean().
        raise ValidationError(
            _(
                "Your organisation already has a project in this category. "
                "Each organisation may enter one project per category."
            )
        ) from None
    return project


# --- attachments ------------------------------------------------------------------------------


def _attachments_prepare(
    *, project: Project, files: list[Any], existing: int
) -> list[ProjectAttachment]:
    """Check every new file before any is stored: the limit, then each file's type and size."""
    if existing + len(files) > ATTACHMENTS_PER_PROJECT:
        left = max(ATTACHMENTS_PER_PROJECT - existing, 0)
        raise ValidationError(
            {
                "attachments": ngettext(
                    "A project may have at most %(limit)s attachments; you can add %(left)s more.",
                    "A project may have at most %(limit)s attachments; you can add %(left)s more.",
                    left,
                )
                % {"limit": ATTACHMENTS_PER_PROJECT, "left": left}
            },
            code="too_many",
        )
    pending, problems = [], []
    for upload in files:
        attachment = ProjectAttachment(project=project, file=upload)
        try:
            attachment.full_clean(exclude=["project", "original_name", "content_type", "size"])
        except ValidationError as exc:
            for message in exc.message_dict.get("file", exc.messages):
                problems.append(
                    _("%(name)s: %(problem)s")
                    % {"name": attachment_display_name(upload.name), "problem": message}
                )
        pending.append(attachment)
    if problems:
        raise ValidationError({"attachments": problems}, code="invalid")
    return pending


def _attachments_store(*, project: Project, pending: list[ProjectAttachment]) -> None:
    """Save checked attachments inside the caller's transaction; if one fails, remove the
    files already written so that a rolled-back batch leaves nothing on the storage."""
    written: list[str] = []
    try:
        for attachment in pending:
            attachment.project = project
            attachment.save()
            written.append(attachment.file.name)
    except BaseException:
        for name in written:
            ProjectAttachment._meta.get_field("file").storage.delete(name)
        raise


def project_attachments_add(
    *, submitter: User, project: Project, files: list[UploadedFile], now: datetime | None = None
) -> list[ProjectAttachment]:
    """Add files to one's own project while the submission phase is open: all or none.

    The project row is locked so that two uploads at once cannot pass the limit together.
    """
    if not files:
        raise ValidationError({"attachments": _("Choose at least one file to attach.")})
    project_require_editable(submitter=submitter, contest=project.contest, project=project, now=now)
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        project_require_editable(
            submitter=submitter, contest=project.contest, project=locked, now=now
        )
        pending = _attachments_prepare(
            project=locked, files=files, existing=locked.attachments.count()
        )
        _attachments_store(project=locked, pending=pending)
    return pending


def project_attachment_remove(
    *, submitter: User, attachment: ProjectAttachment, now: datetime | None = None
) -> None:
    """Remove an attachment of one's own project while the submission phase is open."""
    project = attachment.project
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        project_require_editable(
            submitter=submitter, contest=project.contest, project=locked, now=now
        )
        attachment.delete()  # the file goes once committed (attachment_file_discard)


def attachment_file_discard(
    sender: type[ProjectAttachment], instance: ProjectAttachment, **kwargs: Any
) -> None:
    """post_delete of an attachment (the site, the admin or a deleted project): remove its
    file from the storage once the deletion is committed, never before."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name))


def project_status_change(
    *,
    project: Project,
    to: str,
    by: User | None = None,
    action: str,
    reason: str = "",
    now: datetime | None = None,
) -> Project:
    """The one function that moves a project's status, along the allowed moves only.

    ``by`` is the person acting, or None for the clock; ``action`` names the service that
    asked for the move. The activity-log row is written in the caller's transaction.
    """
    if to not in PROJECT_TRANSITIONS.get(project.status, ()):
        raise Refusal(
            "transition",
            _("A project cannot go from “%(from)s” to “%(to)s”.")
            % {"from": project.get_status_display(), "to": ProjectStatus(to).label},
        )
    now = now or timezone.now()
    project.status_reason = reason
    project.status_changed_at = now
    project.status_changed_by = by
    also = ["status_reason", "status_changed_at", "status_changed_by"]
    if to == ProjectStatus.SUBMITTED:
        project.submitted_at = now
        also.append("submitted_at")
    transition_write(project, to=to, actor=by, action=action, reason=reason, also=also, at=now)
    return project


def project_submit(*, submitter: User, project: Project, now: datetime | None = None) -> Project:
    """Submit a draft during the submission phase and send the receipt email."""
    if project.submitter_id != submitter.pk:
        raise Refusal("not_owner", _("You can only submit your own projects."))
    phase_require_open(contest=project.contest, kind=PhaseKind.SUBMISSION, now=now)
    if project.status != ProjectStatus.DRAFT:
        raise Refusal("submitted", _("This project has already been submitted."))
    with transaction.atomic():
        project.full_clean()
        project_status_change(
            project=project,
            to=ProjectStatus.SUBMITTED,
            by=submitter,
            action="project_submit",
            now=now,
        )
        outbox.add(purpose=emails.RECEIPT, obj=project, to=project.submitter)
    return project


def projects_nominate(
    *, projects: QuerySet[Project], by: User, nominate: bool, reason: str = ""
) -> int:
    """The secretariat's decision on submitted projects, before voting opens."""
    to = ProjectStatus.NOMINATED if nominate else ProjectStatus.NOT_NOMINATED
    if not nominate and not reason.strip():
        raise Refusal("reason", _("Give a reason when you decline a project."))
    changed = 0
    with transaction.atomic():
        ids = list(projects.order_by().values_list("pk", flat=True))
        locked = Project.objects.filter(pk__in=ids).select_related("contest").order_by("pk")
        for project in locked.select_for_update(of=("self",)):
            if project.contest.voting_has_opened():
                raise Refusal(
                    "frozen",
                    _("Voting has opened in %(contest)s: nominations are frozen.")
                    % {"contest": project.contest},
                )
            if project.status == to:
                continue
            project_status_change(
                project=project, to=to, by=by, action="projects_nominate", reason=reason
            )
            changed += 1
    return changed


# --- votes ----------------------------------------------------------------------------------


@functools.cache
def _vote_sql() -> tuple[str, str]:
    """The two statements of a vote, built once from the models' table names."""
    project, contest, phase = (m._meta.db_table for m in (Project, Contest, ContestPhase))
    email, vote = EmailAddress._meta.db_table, Vote._meta.db_table
    check = (
        f"SELECT p.id, p.contest_id, p.category_id, ph.starts_at, ph.ends_at, "
        f"EXISTS (SELECT 1 FROM {email} e WHERE e.user_id = %s AND e.verified) "
        f"FROM {project} p JOIN {contest} c ON c.id = p.contest_id "
        f"LEFT JOIN {phase} ph ON ph.contest_id = p.contest_id AND ph.kind = %s "
        f"WHERE p.id = %s AND c.year = %s AND p.status IN ({', '.join(['%s'] * len(BALLOT_STATES))})"
    )
    insert = (
        f"INSERT INTO {vote} (contest_id, category_id, project_id, voter_id, cast_at, ip_hash, "
        f"user_agent_hash, valid, invalid_reason) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
        f"RETURNING id"
    )
    return check, insert


def _aware(value: datetime) -> datetime:
    """A datetime read by raw SQL (SQLite returns text) as an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


ALREADY_VOTED = _lazy(
    "You have already voted in this category. A vote cannot be changed once it is cast."
)


def vote_check(
    *,
    on_ballot: bool,
    verified: bool,
    voting_starts: datetime | None,
    voting_ends: datetime | None,
    already_voted: bool = False,
    now: datetime,
) -> None:
    """The rules of a vote, from facts the caller has read: ``vote_cast`` reads them in its
    one SELECT, the confirmation page (a preview) from the selectors. Refuses with the
    first rule broken; the unique constraint has the last word on ``already_voted``."""
    if not on_ballot:
        raise Refusal("not_on_ballot", _("This project is not on the ballot."))
    if not verified:
        raise Refusal("unverified", _("Confirm your email address before voting."))
    if voting_starts is None or voting_ends is None or not voting_starts <= now < voting_ends:
        raise Refusal(
            "closed", _("Voting is not open: votes are accepted only during the voting phase.")
        )
    if already_voted:
        raise Refusal("already_voted", ALREADY_VOTED)


def vote_cast(
    *,
    voter: User,
    year: int,
    project_id: int,
    ip: str,
    user_agent: str,
    now: datetime | None = None,
) -> Vote:
    """Cast ``voter``'s one vote in the project's category.

    The busiest write of the portal, so it costs two statements: one SELECT checks the
    project is on the ballot, the voting window by the clock and the verified email; one
    INSERT writes the vote. The database's unique constraint on (contest, category, voter)
    is what stops a second vote, also when two requests race: its IntegrityError becomes
    the ``already_voted`` refusal, never a server error. The SQL is written out (not built by the ORM per
    request) and ``full_clean`` is skipped: every value is set here from checked data and
    the constraints decide. In autocommit the single INSERT is atomic by itself; inside an
    outer transaction it runs in a savepoint so that a refusal leaves that transaction usable.
    """
    now = now or timezone.now()
    check, insert = _vote_sql()
    with connection.cursor() as cursor:
        cursor.execute(check, [voter.pk, PhaseKind.VOTING, project_id, year, *BALLOT_STATES])
        row = cursor.fetchone()
    if row is None:
        vote_check(on_ballot=False, verified=True, voting_starts=None, voting_ends=None, now=now)
    pk, contest_id, category_id, voting_starts, voting_ends, verified = row
    vote_check(
        on_ballot=True,
        verified=verified,
        voting_starts=_aware(voting_starts),
        voting_ends=_aware(voting_ends),
        now=now,
    )
    vote = Vote(
        contest_id=contest_id,
        category_id=category_id,
        project_id=pk,
        voter_id=voter.pk,
        cast_at=now,
        ip_hash=fingerprint(ip, purpose="ip"),
        user_agent_hash=fingerprint(user_agent[:500], purpose="ua"),
    )
    params = [
        vote.contest_id,
        vote.category_id,
        vote.project_id,
        vote.voter_id,
        connection.ops.adapt_datetimefield_value(now),
        vote.ip_hash,
        vote.user_agent_hash,
        True,
        "",
    ]
    try:
        savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
        with savepoint, connection.cursor() as cursor:
            cursor.execute(insert, params)
            vote.pk = cursor.fetchone()[0]
    except IntegrityError:
        raise Refusal("already_voted", ALREADY_VOTED) from None
    vote._state.adding = False
    vote._state.db = connection.alias
    return vote


def vote_invalidate(*, vote: Vote, by: User, reason: str) -> Vote:
    """Flag a vote invalid with a reason; the row stays so the voter cannot vote again."""
    if not reason.strip():
        raise Refusal("reason", _("Give a reason for invalidating a vote."))
    if not vote.valid:
        return vote
    vote.invalid_reason = reason.strip()
    vote.invalidated_at = timezone.now()
    vote.invalidated_by = by
    vote.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        transition_write(
            vote,
            field="valid",
            to=False,
            actor=by,
            action="vote_invalidate",
            reason=vote.invalid_reason,
            also=["invalid_reason", "invalidated_at", "invalidated_by"],
            at=vote.invalidated_at,
        )
    return vote


# --- tallies and the end of voting ----------------------------------------------------------


def tally_counts(*, contest: Contest) -> dict[int, int]:
    """Valid votes per project: COUNT(*) grouped by (category, project) on the tally index.

    With the complete-ballot rule only voters with a valid vote in every category that
    has projects on the ballot are counted.
    """
    votes = Vote.objects.filter(contest=contest, valid=True).order_by()
    if contest.complete_ballot_required:
        required = (
            Category.objects.filter(contest=contest, projects__status__in=BALLOT_STATES)
            .distinct()
            .count()
        )
        complete = (
            Vote.objects.filter(contest=contest, valid=True)
            .order_by()
            .values("voter_id")
            .annotate(n=Count("*"))
            .filter(n__gte=required)
            .values("voter_id")
        )
        votes = votes.filter(voter_id__in=complete)
    return {
        row["project_id"]: row["n"]
        for row in votes.values("category_id", "project_id").annotate(n=Count("*"))
    }


def tally_compute(*, contest: Contest, now: datetime | None = None) -> list[Tally]:
    """Recount every project on the ballot and upsert its Tally (one INSERT … ON CONFLICT).

    Rank within a category: most votes first; ties broken by earlier submission, then id.
    """
    now = now or timezone.now()
    counts = tally_counts(contest=contest)
    projects = (
        Project.objects.filter(contest=contest, status__in=BALLOT_STATES)
        .order_by()
        .values_list("pk", "category_id", "submitted_at", "created_at")
    )
    by_category: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for pk, category_id, submitted_at, created_at in projects:
        by_category[category_id].append((-counts.get(pk, 0), submitted_at or created_at, pk))
    tallies = []
    for category_id, rows in by_category.items():
        for rank, (negative, _when, pk) in enumerate(sorted(rows), start=1):
            tallies.append(
                Tally(
                    project_id=pk,
                    contest=contest,
                    category_id=category_id,
                    votes=-negative,
                    rank=rank,
                    computed_at=now,
                )
            )
    Tally.objects.bulk_create(
        tallies,
        update_conflicts=True,
        unique_fields=["project"],
        update_fields=["contest", "category", "votes", "rank", "computed_at"],
        batch_size=2000,
    )
    return tallies


def contest_voting_close(*, phase_id: int, now: datetime | None = None) -> bool:
    """End of voting, exactly once: final tally, top N of each category become Champions.

    The claim on ``end_applied_at`` and the work share one transaction: two ticks, a retry
    or a re-delivered task see the claim taken; a worker killed half-way rolls both back,
    and the next tick does the whole job. Returns True for the caller that applied it.
    The Expert Group's emails are outbox messages written in the same transaction.
    """
    now = now or timezone.now()
    with transaction.atomic():
        claimed = claim_once(
            ContestPhase.objects.filter(pk=phase_id, kind=PhaseKind.VOTING, ends_at__lte=now),
            field="end_applied_at",
        )
        if not claimed:
            return False
        phase = ContestPhase.objects.select_related("contest").get(pk=phase_id)
        contest = phase.contest
        tallies = tally_compute(contest=contest, now=now)
        champion_ids = [t.project_id for t in tallies if t.rank <= contest.champions_per_category]
        # Each Champion moves through the transition function (and gets its log row),
        # not a bulk UPDATE that would bypass the table of moves and the activity log.
        reason = _("Among the most voted projects of the category.")
        promoted = Project.objects.filter(pk__in=champion_ids, status=ProjectStatus.NOMINATED)
        for project in promoted.select_for_update().order_by("pk"):
            project_status_change(
                project=project,
                to=ProjectStatus.CHAMPION,
                by=CLOCK,
                action="contest_voting_close",
                reason=reason,
                now=now,
            )
        experts = get_user_model().objects.filter(groups__name=EXPERT_GROUP, is_active=True)
        for expert in experts.distinct().order_by("pk"):
            outbox.add(purpose=emails.EXPERTS_READY, obj=contest, to=expert)
    logger.info("voting closed for %s: %s champions", contest, len(champion_ids))
    return True


def contest_voting_open(*, phase_id: int, now: datetime | None = None) -> bool:
    """Start of voting, exactly once: the submitters learn whether they were nominated.

    One outbox message per project, written in the transaction of the claim: the claim and
    the emails commit together or not at all.
    """
    now = now or timezone.now()
    with transaction.atomic():
        claimed = claim_once(
            ContestPhase.objects.filter(pk=phase_id, kind=PhaseKind.VOTING, starts_at__lte=now)
        )
        if not claimed:
            return False
        phase = ContestPhase.objects.get(pk=phase_id)
        if not phase.has_ended(now):
            projects = Project.objects.filter(
                contest_id=phase.contest_id,
                status__in=[*BALLOT_STATES, ProjectStatus.NOT_NOMINATED],
            ).select_related("submitter")
            for project in projects.order_by("pk"):
                outbox.add(
                    purpose=emails.VOTING_OPEN,
                    obj=project,
                    to=project.submitter,
                    data={"nominated": project.status in BALLOT_STATES},
                )
    return True


def live_tally_queue(*, contest_id: int, now: datetime) -> bool:
    """Queue a recount at most once per LIVE_TALLY_EVERY per contest (a conditional UPDATE)."""
    from django.db.models import Q

    with transaction.atomic():
        won = (
            Contest.objects.filter(pk=contest_id)
            .filter(
                Q(live_tally_queued_at__isnull=True)
                | Q(live_tally_queued_at__lte=now - LIVE_TALLY_EVERY)
            )
            .update(live_tally_queued_at=now)
        )
        if won:
            outbox.add(purpose=emails.TALLY_RECOMPUTE, obj=Contest(pk=contest_id))
    return bool(won)


def transitions_apply(now: datetime) -> list[str]:
    """The beat tick's handler: apply due phase transitions, each exactly once."""
    done = []
    due_open = ContestPhase.objects.filter(
        kind=PhaseKind.VOTING, starts_at__lte=now, transition_applied_at__isnull=True
    ).values_list("pk", flat=True)
    for phase_id in list(due_open):
        if contest_voting_open(phase_id=phase_id, now=now):
            done.append(f"voting-open:{phase_id}")
    due_close = ContestPhase.objects.filter(
        kind=PhaseKind.VOTING, ends_at__lte=now, end_applied_at__isnull=True
    ).values_list("pk", flat=True)
    for phase_id in list(due_close):
        if contest_voting_close(phase_id=phase_id, now=now):
            done.append(f"voting-close:{phase_id}")
    open_contests = ContestPhase.objects.open_at(now).filter(kind=PhaseKind.VOTING)
    for contest_id in list(open_contests.values_list("contest_id", flat=True)):
        if live_tally_queue(contest_id=contest_id, now=now):
            done.append(f"live-tally:{contest_id}")
    return done


# --- experts and winners --------------------------------------------------------------------


def expert_can_score(*, expert: User, project: Project) -> bool:
    if not in_group(expert, EXPERT_GROUP):
        return False
    return ExpertAssignment.objects.filter(
        contest_id=project.contest_id, expert=expert, categories=project.category_id
    ).exists()


def expert_score_save(
    *, expert: User, project: Project, score: int, comment: str = "", now: datetime | None = None
) -> ExpertScore:
    """An Expert Group member scores a Champion of a category assigned to them."""
    if not expert_can_score(expert=expert, project=project):
        raise Refusal("not_assigned", _("You are not assigned to score this category."))
    if project.status not in (ProjectStatus.CHAMPION, ProjectStatus.WINNER):
        raise Refusal("not_champion", _("Only Champion projects are scored."))
    phase_require_open(contest=project.contest, kind=PhaseKind.SELECTION, now=now)
    with transaction.atomic():
        entry = ExpertScore.objects.filter(project=project, expert=expert).first() or (
            ExpertScore(project=project, expert=expert)
        )
        entry.score = score
        entry.comment = comment
        entry.full_clean(validate_unique=False)
        entry.save()
    return entry


def _results_published(contest: Contest, now: datetime | None = None) -> bool:
    """The results are public from the start of the ceremony phase (selectors.results)."""
    ceremony = phase_of(contest, PhaseKind.CEREMONY)
    return bool(ceremony and ceremony.has_started(now or timezone.now()))


def _refuse_after_publication(project: Project, now: datetime | None = None) -> None:
    if _results_published(project.contest, now):
        raise Refusal(
            "published",
            _(
                "The results of %(contest)s are published (the ceremony has started): "
                "Winner decisions can no longer change."
            )
            % {"contest": project.contest},
        )


def winner_confirm(
    *, project: Project, by: User | None, reason: str = "", now: datetime | None = None
) -> Project:
    """The secretariat confirms a Champion as Winner of its category (stays unpublished
    until the ceremony phase starts). A category has one Winner; a second one only when the
    Expert Group's mean scores tie at the top (the rules), never after publication."""
    if project.status == ProjectStatus.WINNER:
        return project
    _refuse_after_publication(project, now)
    voting = phase_of(project.contest, PhaseKind.VOTING)
    if voting is None or not voting.end_applied_at:
        raise Refusal("too_early", _("Winners are chosen after the final tally."))
    with transaction.atomic():
        # Lock the category's Winners so two confirmations at once cannot both pass the rule.
        winners = list(
            Project.objects.select_for_update()
            .filter(category_id=project.category_id, status=ProjectStatus.WINNER)
            .exclude(pk=project.pk)
            .values_list("pk", flat=True)
        )
        if winners:
            tied = set(proposed_winners(contest=project.contest).get(project.category_id, []))
            if project.pk not in tied or not set(winners) <= tied:
                raise Refusal(
                    "second_winner",
                    _(
                        "This category already has a Winner. A second Winner is allowed only "
                        "when the Expert Group's mean scores tie at the top, and they do not: "
                        "withdraw the first decision (with a reason) to choose another project."
                    ),
                )
        return project_status_change(
            project=project,
            to=ProjectStatus.WINNER,
            by=by,
            action="winner_confirm",
            reason=reason or "",
        )


def winner_revoke(
    *, project: Project, by: User, reason: str, now: datetime | None = None
) -> Project:
    """Undo a Winner decision (it goes back to Champion); the reason is required and kept."""
    if project.status != ProjectStatus.WINNER:
        return project
    if not reason.strip():
        raise Refusal("reason", _("Give a reason for withdrawing a Winner decision."))
    _refuse_after_publication(project, now)
    with transaction.atomic():
        return project_status_change(
            project=project, to=ProjectStatus.CHAMPION, by=by, action="winner_revoke", reason=reason
        )
