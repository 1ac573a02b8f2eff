"""What the Forum makes searchable on ``/search/``: sessions, outcome reports and speakers.

Only what the public sees: sessions of published editions, the outcome reports of those
sessions, and the people who take part in them.
"""

from __future__ import annotations

from django.db.models import CharField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wsis_portal.publishing import published_q
from wsis_portal.search_ranking import ranked_page, stored_probe
from wsis_portal.site_search import SearchHit, SearchKind, SearchParams

from .models import SDG, ActionLine, Edition, OutcomeReport, Person, Session, SessionPerson
from .proposals.models import Proposal, ProposalCall
from .proposals.visibility import programme_public_q

ALL_FILTERS = frozenset({"action_line", "sdg", "year"})
# What decides whether and how a session shows: its edition, its tags, its call's programme.
SESSION_DATA = (
    Session,
    Session.action_lines.through,
    Session.sdgs.through,
    Edition,
    Proposal,
    ProposalCall,
)


def _public_sessions(params: SearchParams) -> QuerySet[Session]:
    # Sessions of accepted proposals stay out until their programme is published.
    sessions = Session.objects.filter(published_q("edition__"), programme_public_q())
    if params.action_line:
        sessions = sessions.filter(action_lines__code=params.action_line)
    if params.sdg:
        sessions = sessions.filter(sdgs__number=params.sdg)
    if params.year:
        sessions = sessions.filter(edition__year=params.year)
    return sessions


# The page's rows: only pooled rows are read, and the pool holds only public rows that pass
# the filters, so the page's query need not join and test them again (planning the joins
# twice cost more than running them).
def _session_rows(params: SearchParams) -> QuerySet[Session]:
    return Session.objects.select_related("edition", "building_block")


def search_sessions(params: SearchParams, offset: int, limit: int) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _public_sessions, params, offset=offset, limit=limit, rows=_session_rows
    )
    return count, [
        SearchHit(
            title=session.title,
            url=session.get_absolute_url(),
            summary=Truncator(session.description).words(40),
            meta=f"{session.edition} · {session.building_block}",
        )
        for session in rows
    ]


def _public_outcome_reports(params: SearchParams) -> QuerySet[OutcomeReport]:
    reports = OutcomeReport.objects.filter(published_q("session__edition__"))
    if params.action_line:
        reports = reports.filter(action_lines__code=params.action_line)
    if params.sdg:
        reports = reports.filter(sdgs__number=params.sdg)
    if params.year:
        reports = reports.filter(session__edition__year=params.year)
    return reports


def _outcome_report_rows(params: SearchParams) -> QuerySet[OutcomeReport]:
    return OutcomeReport.objects.select_related("session__edition")


def search_outcome_reports(
    params: SearchParams, offset: int, limit: int
) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _public_outcome_reports,
        params,
        offset=offset,
        limit=limit,
        fallback_fields=("key_messages", "recommendations"),
        rows=_outcome_report_rows,
    )
    return count, [
        SearchHit(
            title=str(report),
            url=report.get_absolute_url(),
            summary=Truncator(report.key_messages).words(40),
            meta=str(report.session.edition),
        )
        for report in rows
    ]


def _public_roles(params: SearchParams) -> QuerySet[SessionPerson]:
    """A person's roles in public sessions that pass the filters (``_public_sessions``'
    rule, tested through each role's own session)."""
    # Tested on the role's session, not as an EXISTS over a second query of sessions: the
    # latest public session then joins each role to its session, edition and call once,
    # where it joined them for the test and the session and edition again for the order
    # and the year (229 roles for one bench speaker: 1.2 ms a person, 0.6 ms so).
    # A tag is compared by the id its code or number names (a subquery run once), so that
    # each filter joins one table, not two: each joined table widens the planner's search
    # (all three filters: 8 ms of planning, 4 ms so).
    roles = SessionPerson.objects.filter(
        published_q("session__edition__"), programme_public_q("session__"), person=OuterRef("pk")
    )
    if params.action_line:
        code = ActionLine.objects.filter(code=params.action_line).order_by().values("pk")
        roles = roles.filter(session__action_lines=Subquery(code))
    if params.sdg:
        number = SDG.objects.filter(number=params.sdg).order_by().values("pk")
        roles = roles.filter(session__sdgs=Subquery(number))
    if params.year:
        roles = roles.filter(session__edition__year=params.year)
    return roles


def _speakers(params: SearchParams) -> QuerySet[Person]:
    # Whether a person speaks at a public session is asked of each matching person (a scalar
    # subquery, which PostgreSQL runs per row: a few index reads until the first public
    # role), not as an EXISTS, which it turns into a semi-join over every public role
    # (15,000 roles: 10-25 ms per search). Asked once, when the pool is chosen, not again
    # for each pooled person of the page.
    # No order (roles have a default one): the first public role found is enough.
    first_role = Subquery(_public_roles(params).order_by().values("pk")[:1])
    return Person.objects.alias(public_role=first_role).filter(public_role__isnull=False)


def _speakers_with_session(params: SearchParams) -> QuerySet[Person]:
    # A person has no page of their own: the result opens their latest public session.
    latest = _public_roles(params).order_by("-session__starts_at")
    # The session and its year in one value, from one search for the latest public role:
    # that search tests each of the person's roles (229 for one bench speaker), and asked
    # once for the session and again for its year it was most of a rare word's speakers
    # query (24 ms for a page of five). A subquery returns one column, hence "id year".
    session_ref = Concat(
        Cast("session_id", CharField()),
        Value(" "),
        Cast("session__edition__year", CharField()),
        output_field=CharField(),
    )
    return Person.objects.annotate(
        session_ref=Subquery(latest.annotate(ref=session_ref).values("ref")[:1])
    )


def _session_ref(ref: str) -> list[int]:
    session_id, year = ref.split()
    return [int(year), int(session_id)]


def search_speakers(params: SearchParams, offset: int, limit: int) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _speakers,
        params,
        offset=offset,
        limit=limit,
        fallback_fields=("name",),
        rows=_speakers_with_session,
    )
    return count, [
        SearchHit(
            title=str(person),
            url=reverse("forum:session", args=_session_ref(person.session_ref)),
            summary=", ".join(p for p in (person.position, person.organisation) if p),
            meta=person.country.name if person.country else "",
        )
        for person in rows
    ]


KINDS = [
    SearchKind(
        key="sessions",
        label=_("Forum sessions"),
        search=search_sessions,
        filters=ALL_FILTERS,
        order=30,
        watch=SESSION_DATA,
        probe=stored_probe(Session),
    ),
    SearchKind(
        key="outcomes",
        label=_("Session outcome reports"),
        search=search_outcome_reports,
        filters=ALL_FILTERS,
        order=35,
        watch=(
            *SESSION_DATA,
            OutcomeReport,
            OutcomeReport.action_lines.through,
            OutcomeReport.sdgs.through,
        ),
        probe=stored_probe(OutcomeReport),
    ),
    SearchKind(
        key="speakers",
        label=_("Speakers"),
        search=search_speakers,
        filters=ALL_FILTERS,
        order=70,
        watch=(*SESSION_DATA, Person, SessionPerson),
        probe=stored_probe(Person),
    ),
]
