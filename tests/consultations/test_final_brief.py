import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from consultations.selectors import final_brief
from consultations.services import comment_hide
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    DiscussionFactory,
    SubmissionFactory,
    consultation_with_phases,
)
from tests.factories.forum import action_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():
    consultation = consultation_with_phases()
    c2, c4 = action_line("C2"), action_line("C4")
    rows = [
        ("government", "CH", [c2], "Broadband", ""),
        ("government", "SN", [c2, c4], "Skills", "Hackathon"),
        ("civil_society", "SN", [c4], "", "Remote hubs"),
        ("academia", "CH", [], "Open science", ""),
    ]
    for kind, country, lines, theme, innovation in rows:
        s = SubmissionFactory(
            consultation=consultation,
            stakeholder_type=kind,
            organisation_country=country,
            thematic_aspects=theme,
            format_innovations=innovation,
        )
        s.action_lines.set(lines)
    SubmissionFactory(
        consultation=consultation,
        stakeholder_type="international_organization",
        organisation_country="TH",
        input_kind="regional_event",
        event_name="ESCAP regional WSIS review",
        event_place="Bangkok, Thailand",
        event_date="2016-10-04",
    )
    # Not counted: a rejected submission and another consultation's submission.
    SubmissionFactory(consultation=consultation, status="rejected", stakeholder_type="government")
    SubmissionFactory(stakeholder_type="government")
    topic = DiscussionFactory(consultation=consultation)
    a, b = StakeholderFactory(), StakeholderFactory()
    CommentFactory(discussion=topic, author=a)
    CommentFactory(discussion=topic, author=a)
    CommentFactory(discussion=topic, author=b)
    hidden = CommentFactory(discussion=topic, author=StakeholderFactory())
    comment_hide(comment=hidden, by=UserFactory(is_staff=True), reason="Spam")
    return consultation


def test_final_brief_figures(consultation):
    brief = final_brief(consultation=consultation)
    assert brief["total"] == 5
    by_type = {row["label"]: row["count"] for row in brief["by_type"]}
    assert by_type == {
        "Government": 2,
        "Civil Society": 1,
        "Academia": 1,
        "International Organization": 1,
    }
    by_country = {row["code"]: row["count"] for row in brief["by_country"]}
    assert by_country == {"CH": 2, "SN": 2, "TH": 1}
    by_line = {line.code: line.n for line in brief["by_action_line"]}
    assert by_line == {"C2": 2, "C4": 2}
    assert [row["thematic_aspects"] for row in brief["themes"]] == [
        "Broadband",
        "Skills",
        "Open science",
        "Digital inclusion",
    ]
    assert sorted(row["format_innovations"] for row in brief["innovations"]) == [
        "Hackathon",
        "Remote hubs",
    ]
    assert [s.event_name for s in brief["regional_inputs"]] == ["ESCAP regional WSIS review"]
    assert brief["discussions"] == 1
    assert brief["comments"] == 3
    assert brief["participants"] == 2


def test_final_brief_public_from_the_start_of_phase_vi(client, consultation):
    url = reverse("consultations:final_brief", args=[consultation.slug])
    phase_vi = consultation.phases.get(number=6)
    with time_machine.travel(phase_vi.starts_at - timedelta(seconds=1), tick=False):
        response = client.get(url)
        assert response.status_code == 404
        assert "published when the final brief phase starts" in response.content.decode()
    with time_machine.travel(phase_vi.starts_at, tick=False):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ESCAP regional WSIS review" in html and "Bangkok, Thailand" in html
    assert "Government" in html and "Senegal" in html
    assert "@media print" not in html  # the print styles live in the stylesheet
    assert "css/consultations.css" in html
    # Three bar charts (by type, country, Action Line), each with its table collapsed.
    assert html.count('role="img"') == 3
    assert html.count('<details class="data-table">') == 3
    assert re.search(r"<desc[^>]*>[^<]*C2\. [^<]*: 2; [^<]*C4\. [^<]*: 2</desc>", html)
    assert "Government: most submissions, 2" in html


def test_staff_can_preview_the_final_brief(admin_client, consultation):
    url = reverse("consultations:final_brief", args=[consultation.slug])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["preview"] is True


def test_final_brief_query_budget(client, consultation, django_assert_max_num_queries):
    url = reverse("consultations:final_brief", args=[consultation.slug])
    with time_machine.travel(consultation.phases.get(number=6).starts_at, tick=False):
        with django_assert_max_num_queries(14):
            client.get(url)


def test_action_line_page_counts_submissions_once_the_brief_is_public(client, consultation):
    url = "/action-lines/C2/"
    html = client.get(url).content.decode()
    assert "In the Open Consultation Process" in html
    assert consultation.title not in html
    with time_machine.travel(consultation.phases.get(number=6).starts_at, tick=False):
        html = client.get(url).content.decode()
    assert consultation.title in html
    assert "2 official submissions suggested this Action Line" in html
