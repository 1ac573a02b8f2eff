"""The public pages of the portal, shared by ``bench/pages.py`` (which times them) and
``tests/wsis_portal/test_page_queries.py`` (which counts their queries at two data sizes).

The public URL names come from the URLconf itself: each must be measured (a builder below
gives its address from the demo data) or excluded with a reason (it needs a signed-in
person, a token, or a POST), so a new page cannot be forgotten: both the bench and the test
stop on a name that is in neither.
"""

from __future__ import annotations

from collections.abc import Callable

SIGN_IN = "needs a signed-in person"
POST = "a POST (an action, not a page)"
TOKEN = "reached by a link with a token or a state of an ongoing flow"
EXCLUDED = {
    "account_logout": POST,
    "account_inactive": TOKEN,
    "account_reauthenticate": SIGN_IN,
    "account_email": SIGN_IN,
    "account_change_password": SIGN_IN,
    "account_set_password": SIGN_IN,
    "account_confirm_login_code": TOKEN,
    "account_confirm_email": TOKEN,
    "account_reset_password_from_key": TOKEN,
    "account_reset_password_from_key_done": TOKEN,
    "accounts:my": SIGN_IN,
    "accounts:profile": SIGN_IN,
    "forum:session_register": POST,
    "forum:register": SIGN_IN,
    "forum:register_cancel": SIGN_IN,
    "forum:outcome_report": SIGN_IN + " (the form of the session's owner)",
    "forum:proposal_new": SIGN_IN,
    "forum:proposal_edit": SIGN_IN,
    "forum:proposal_submit": POST,
    "forum:review_list": SIGN_IN + " of the programme committee",
    "forum:review_proposal": SIGN_IN + " of the programme committee",
    "forum:proposal_decide": POST,
    "forum:schedule": SIGN_IN + " of the Secretariat",
    "forum:schedule_session": POST,
    "forum:schedule_publish": POST,
    "forum:speaker_link_resend": POST + " of the Secretariat (the schedule page's re-send button)",
    "forum:speaker_confirm": TOKEN,
    "prizes:vote_reminder": POST,
    "styleguide": "staff only: a 404 to visitors",
    "prizes:submit": SIGN_IN,
    "prizes:submit_edit": SIGN_IN,
    "prizes:attachment_add": SIGN_IN,
    "prizes:attachment_remove": POST,
    "prizes:attachment": "a file download; the demo projects have no attachments",
    "prizes:vote": "sign-in; its POST is measured by bench/prizes_vote.py",
    "prizes:review": SIGN_IN + " of the Expert Group",
    "prizes:review_score": SIGN_IN + " of the Expert Group",
    "stocktaking:submit": SIGN_IN,
    "stocktaking:edit": SIGN_IN,
    "stocktaking:export_csv": "a streamed export of every entry, bench/stocktaking_search.py",
    "stocktaking:export_json": "a streamed export of every entry, bench/stocktaking_search.py",
    "consultations:subscribe": POST,
    "consultations:submit_done": TOKEN,
    "consultations:submission_private": TOKEN,
    "consultations:submission_mine": SIGN_IN,
    "consultations:comment_create": POST,
    "consultations:discussion_subscribe": POST,
    "consultations:comment_flag": POST,
    "consultations:nominate": SIGN_IN + " (a 302 to the sign-in page otherwise)",
    "ungis:member_edit": SIGN_IN,
    "healthz": "the load balancer's health check, not a page",
    "healthz_web": "the load balancer's health check, not a page",
    "set_language": POST,
}


def url_names() -> tuple[list[str], list[str]]:
    """(public names, admin changelist names) of the URLconf, walked recursively."""
    from django.urls import URLResolver, get_resolver

    public, admin = [], []

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                walk(pattern, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
            elif pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if name.startswith("admin:"):
                    if name.endswith("_changelist"):
                        admin.append(name)
                else:
                    public.append(name)

    walk(get_resolver(), None)
    return sorted(set(public)), sorted(set(admin))


def builders() -> dict[str, Callable[[], str]]:
    """A function giving a real address for each measured public URL name."""
    from django.db.models import QuerySet
    from django.urls import reverse
    from django.utils import timezone

    from consultations.models import Consultation, Discussion
    from forum.demo_programme import CURRENT_YEAR
    from forum.enums import Region
    from forum.models import Event, NewsItem, OutcomeDocument, Session
    from forum.proposals.models import ProposalCall
    from prizes.models import Contest, Project
    from stocktaking.models import Call, Entry
    from ungis.models import Agency

    contest = Contest.objects.get(year=CURRENT_YEAR)
    past = Contest.objects.exclude(pk=contest.pk).order_by("-year").first()
    consultation = Consultation.objects.filter(is_demo=True).order_by("pk").first()
    report_year = Call.objects.exclude(report_year=None).order_by("-report_year")[0].report_year
    region = Region.values[0]

    def r(name: str, *args) -> Callable[[], str]:
        return lambda: reverse(name, args=args)

    def lazy(name: str, get_args: Callable[[], list]) -> Callable[[], str]:
        return lambda: reverse(name, args=get_args())

    def recognised() -> QuerySet[Project]:
        """Winners of a contest whose results are published (its ceremony has started): the
        booklet and certificates of another contest answer 404 by design."""
        return Project.objects.filter(
            status="winner",
            contest__published_at__isnull=False,
            contest__phases__kind="ceremony",
            contest__phases__starts_at__lte=timezone.now(),
        ).order_by("-contest__year", "pk")

    def outcome_year() -> list[int]:
        """The edition whose Outcome Document was generated (its record links the page)."""
        generated = OutcomeDocument.objects.filter(url__contains="/outcome-document/")
        return [generated.select_related("edition").order_by("-pk")[0].edition.year]

    session = Session.objects.filter(edition__year=CURRENT_YEAR).order_by("pk")
    entry = Entry.objects.filter(is_demo=True).order_by("-pk")
    return {
        "home": r("home"),
        "open_data": r("open_data"),
        "open_calls_feed": r("open_calls_feed"),
        "api-schema": r("api-schema"),
        "api-action-lines": r("api-action-lines"),
        "api-sdgs": r("api-sdgs"),
        "api-matrix": r("api-matrix"),
        "api-forum-sessions": r("api-forum-sessions", CURRENT_YEAR),
        "api-stocktaking-entries": r("api-stocktaking-entries"),
        "api-stocktaking-entry": lazy("api-stocktaking-entry", lambda: [entry[0].pk]),
        "account_login": r("account_login"),
        "account_signup": r("account_signup"),
        "account_reset_password": r("account_reset_password"),
        "account_reset_password_done": r("account_reset_password_done"),
        "account_email_verification_sent": r("account_email_verification_sent"),
        "forum:matrix": r("forum:matrix"),
        "forum:matrix_cell": r("forum:matrix_cell", "C7-EGOV", 4),
        "forum:action_line": r("forum:action_line", "C1"),
        "forum:sdg": r("forum:sdg", 9),
        "forum:about": r("forum:about"),
        "forum:events": r("forum:events"),
        "forum:event": lazy("forum:event", lambda: [Event.objects.order_by("pk")[0].pk]),
        "forum:news": r("forum:news"),
        "forum:news_feed": r("forum:news_feed"),
        "forum:news_item": lazy("forum:news_item", lambda: [NewsItem.objects.first().slug]),
        "forum:sponsorship": r("forum:sponsorship"),
        "forum:editions": r("forum:editions"),
        "forum:edition": r("forum:edition", CURRENT_YEAR),
        "forum:programme": r("forum:programme", CURRENT_YEAR),
        "forum:high_level_track": r("forum:high_level_track", CURRENT_YEAR),
        "forum:programme_ics": r("forum:programme_ics", CURRENT_YEAR),
        "forum:programme_feed": r("forum:programme_feed", CURRENT_YEAR),
        "forum:session": lazy("forum:session", lambda: [CURRENT_YEAR, session[0].pk]),
        "forum:session_ics": lazy("forum:session_ics", lambda: [CURRENT_YEAR, session[0].pk]),
        "forum:outcome_document": lazy("forum:outcome_document", outcome_year),
        "forum:outcome_document_pdf": lazy("forum:outcome_document_pdf", outcome_year),
        "forum:proposal_call": lazy(
            "forum:proposal_call", lambda: [ProposalCall.objects.order_by("-pk")[0].edition.year]
        ),
        "forum:speakers": r("forum:speakers", CURRENT_YEAR),
        "site_search": lambda: reverse("site_search") + "?q=digital",
        "prizes:booklet": lazy("prizes:booklet", lambda: [recognised()[0].contest.year]),
        "prizes:booklet_pdf": lazy("prizes:booklet_pdf", lambda: [recognised()[0].contest.year]),
        "prizes:certificate": lazy(
            "prizes:certificate",
            lambda: [recognised()[0].contest.year, recognised()[0].pk],
        ),
        "prizes:index": r("prizes:index"),
        "prizes:contest": r("prizes:contest", contest.year),
        "prizes:ballot": r("prizes:ballot", contest.year),
        "prizes:ballot_category": r("prizes:ballot_category", contest.year, "C1"),
        "prizes:project": lazy(
            "prizes:project",
            lambda: [contest.year, Project.objects.filter(contest=contest).order_by("pk")[0].pk],
        ),
        "prizes:results": r("prizes:results", past.year if past else contest.year),
        "stocktaking:search": r("stocktaking:search"),
        "stocktaking:feed": r("stocktaking:feed"),
        "stocktaking:entry": lazy("stocktaking:entry", lambda: [entry[0].pk]),
        "stocktaking:reports": r("stocktaking:reports"),
        "stocktaking:report": r("stocktaking:report", report_year),
        "stocktaking:report_pdf": r("stocktaking:report_pdf", report_year),
        "stocktaking:success_stories": r("stocktaking:success_stories", report_year),
        "stocktaking:region_reports": r("stocktaking:region_reports", region),
        "stocktaking:report_region": r("stocktaking:report_region", report_year, region),
        "stocktaking:report_region_pdf": r("stocktaking:report_region_pdf", report_year, region),
        "consultations:list": r("consultations:list"),
        "consultations:timeline": r("consultations:timeline", consultation.slug),
        "consultations:submit": r("consultations:submit", consultation.slug),
        "consultations:submission_lost_link": r(
            "consultations:submission_lost_link", consultation.slug
        ),
        "consultations:discussions": r("consultations:discussions", consultation.slug),
        "consultations:discussion": lazy(
            "consultations:discussion",
            lambda: [
                consultation.slug,
                Discussion.objects.filter(consultation=consultation).order_by("pk")[0].pk,
            ],
        ),
        "consultations:final_brief": lazy(
            "consultations:final_brief",
            lambda: [Consultation.objects.filter(is_demo=True).order_by("-pk")[0].slug],
        ),
        "ungis:about": r("ungis:about"),
        "ungis:members": r("ungis:members"),
        "ungis:member": lazy("ungis:member", lambda: [Agency.objects.order_by("pk")[0].acronym]),
        "ungis:chairs": r("ungis:chairs"),
    }


def unlisted(public: list[str], *, built: set[str]) -> list[str]:
    """Public URL names neither measured (in ``built``) nor excluded."""
    return [n for n in public if n not in built and n not in EXCLUDED]
