"""The High-Level Track as a track of its own (issue 17, item 2; seed 002)."""

import re
from datetime import timedelta

import pytest

from forum import demo_programme
from forum.enums import DocumentKind, SessionRole, SessionType
from forum.models import HighLevelTheme, OutcomeDocument, SessionPerson
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _track(edition, themes: int, sessions_per_theme: int = 1):
    for t in range(themes):
        theme = HighLevelTheme.objects.create(edition=edition, title=f"Theme {t}", order=t)
        for n in range(sessions_per_theme):
            session = SessionFactory(
                edition=edition,
                title=f"Policy session {t}.{n}",
                session_type=SessionType.POLICY_SESSION,
                hlt_theme=theme,
            )
            SessionPerson.objects.create(
                session=session,
                person=PersonFactory(name=f"Facilitator {t}.{n}", organisation="Civil society"),
                role=SessionRole.HLT_FACILITATOR,
            )


def test_high_level_track_page_lists_themes_sessions_and_facilitators(client):
    edition = EditionFactory()
    _track(edition, themes=2, sessions_per_theme=2)
    OutcomeDocument.objects.create(
        edition=edition, title="HLT Outcomes and Executive Brief", kind=DocumentKind.HLT_OUTCOMES
    )
    html = client.get(f"/forum/{edition.year}/high-level-track/").content.decode()
    # Counted apart, so that one session or one theme never reads "1 policy sessions".
    assert re.search(r"<dt>Policy sessions</dt><dd>4</dd>.*<dt>Themes</dt><dd>2</dd>", html, re.S)
    assert html.index("Theme 0") < html.index("Theme 1")
    assert "Facilitated by" in html and "Facilitator 1.1 (Civil society)" in html
    assert "HLT Outcomes and Executive Brief" in html
    edition_page = client.get(f"/forum/{edition.year}/").content.decode()
    assert f'href="/forum/{edition.year}/high-level-track/"' in edition_page


@pytest.mark.parametrize("themes", [1, 3])
def test_high_level_track_query_budget(client, django_assert_max_num_queries, themes):
    edition = EditionFactory()
    _track(edition, themes=themes, sessions_per_theme=2)
    # The edition, its themes, their sessions, the facilitators, the documents: a fixed count.
    with django_assert_max_num_queries(5):
        assert client.get(f"/forum/{edition.year}/high-level-track/").status_code == 200


def test_a_session_from_an_unpublished_programme_stays_off_the_track(
    client, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from tests.factories.proposals import ProposalCallFactory, ProposalFactory

    # The page is cached under the programme version, which writes bump after their commit.
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory()
        _track(edition, themes=1)
        theme = HighLevelTheme.objects.get(edition=edition)
        call = ProposalCallFactory(edition=edition)
        session = SessionFactory(
            edition=edition, title="Accepted, not yet published", hlt_theme=theme
        )
        ProposalFactory(call=call, session=session)
    url = f"/forum/{edition.year}/high-level-track/"
    assert "Accepted, not yet published" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        call.programme_published_at = timezone.now()
        call.save()
    assert "Accepted, not yet published" in client.get(url).content.decode()


def test_edition_without_a_track_says_so_and_links_nothing(client):
    edition = EditionFactory()
    html = client.get(f"/forum/{edition.year}/high-level-track/").content.decode()
    assert "have not been published yet" in html
    assert "high-level-track" not in client.get(f"/forum/{edition.year}/").content.decode()


def test_outcome_documents_say_what_they_are(client):
    demo_programme.seed_past_editions()
    kinds = dict(OutcomeDocument.objects.filter(edition__year=2016).values_list("title", "kind"))
    assert kinds["WSIS Forum 2016: High Level Track Outcomes and Executive Brief"] == (
        DocumentKind.HLT_OUTCOMES
    )
    assert kinds["WSIS Stocktaking Success Stories 2016"] == DocumentKind.SUCCESS_STORIES
    html = client.get("/forum/2016/high-level-track/").content.decode()
    assert "WSIS Forum 2016: High Level Track Outcomes and Executive Brief" in html


def test_demo_track_themes_policy_sessions_with_facilitators():
    demo_programme.seed()
    edition = demo_programme.current_edition()
    themes = HighLevelTheme.objects.filter(edition=edition)
    assert themes.exists()
    for theme in themes:
        for session in theme.sessions.all():
            assert session.session_type == SessionType.POLICY_SESSION
            assert session.roles.filter(role=SessionRole.HLT_FACILITATOR).exists()
    assert session.starts_at - timedelta(days=7) < session.ends_at
