"""English texts inside Arabic pages keep their order: titles, sources and codes are isolated
(<bdi>), and the Action Line page's headings are all translated (issue 17, phone and RTL
review). The layout itself is measured in Chromium by tests/browser/test_new_pages.py."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.template import Context, Template
from django.utils import timezone

from forum.proposals.speaker_links import LINK_DAYS, speaker_link
from tests.factories.forum import sourced_role
from tests.factories.proposals import ProposalFactory, ProposalSpeakerFactory

pytestmark = pytest.mark.django_db

TITLE = "Community networks & local content"


def test_the_bdi_filter_isolates_and_escapes():
    html = Template("{% load portal %}{{ title|bdi }}").render(Context({"title": TITLE}))
    assert html == "<bdi>Community networks &amp; local content</bdi>"


def test_action_line_page_in_arabic_isolates_code_and_sources_and_translates_headings(client):
    sourced_role("C7-EHEA", "WHO", source_title="A facilitators' report", locator="Table 2")
    html = client.get("/ar/action-lines/C7-EHEA/").content.decode()
    assert '<bdi class="nowrap">C7-EHEA</bdi>' in html
    assert "<bdi>A facilitators&#x27; report</bdi>" in html and "<bdi>Table 2</bdi>" in html
    assert "<bdi>The WHO agency</bdi>" in html
    assert "WSIS Prize Winners" not in html


def test_member_page_in_arabic_isolates_the_action_line_code(client):
    sourced_role("C7-EHEA", "UN DESA", source_title="A facilitators' report")
    html = client.get("/ar/ungis/members/UNDESA/").content.decode()
    assert '<bdi class="nowrap">C7-EHEA</bdi>' in html
    assert "<bdi>UNDESA</bdi>" in html


def test_expired_speaker_link_isolates_the_proposal_title(client):
    speaker = ProposalSpeakerFactory(proposal=ProposalFactory(title=TITLE))
    with time_machine.travel(timezone.now() - timedelta(days=LINK_DAYS + 1)):
        path = urlsplit(speaker_link(speaker)).path
    response = client.get("/ar" + path)
    assert response.status_code == 410
    assert "«<bdi>Community networks &amp; local content</bdi>»" in response.content.decode()
