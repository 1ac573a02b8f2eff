"""WSIS Stocktaking publications: report releases at the Forum, a printable PDF edition, the
Success Stories publication and a region's reports across the years (issue 17, item 5)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from stocktaking.models import ReportRelease
from tests.factories.forum_programme import EditionFactory
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_2027():
    call = CallFactory(year=2026, report_year=2027)
    EntryFactory(call=call, title="Rural broadband", country="KE", is_success_story=True)
    EntryFactory(call=call, title="Village clinics online", country="TH", is_success_story=True)
    EntryFactory(call=call, title="Ordinary entry", country="TH")
    return call


def test_release_must_fall_within_the_forum_edition():
    edition = EditionFactory(year=2027, starts_on=date(2027, 5, 10), ends_on=date(2027, 5, 14))
    release = ReportRelease(report_year=2027, edition=edition, released_on=date(2027, 6, 1))
    with pytest.raises(ValidationError, match="choose a day of"):
        release.full_clean()
    release.released_on = date(2027, 5, 10)
    release.full_clean()


def test_report_page_says_where_it_is_launched_and_links_its_pdf(client, report_2027):
    edition = EditionFactory(year=2027, starts_on=date(2027, 5, 10), ends_on=date(2027, 5, 14))
    ReportRelease.objects.create(report_year=2027, edition=edition, released_on=date(2027, 5, 10))
    html = client.get("/stocktaking/reports/2027/").content.decode()
    assert "Launched on 10 May 2027 at" in html
    assert 'href="/stocktaking/reports/2027.pdf"' in html
    assert 'href="/stocktaking/reports/2027/success-stories/"' in html
    assert "Launched on 10 May 2027" in client.get("/stocktaking/reports/").content.decode()


def test_printable_pdf_edition_is_a_pdf_with_the_figures(client, report_2027):
    response = client.get("/stocktaking/reports/2027.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert b"%%EOF" in response.content[-64:]
    regional = client.get("/stocktaking/reports/2027/asia-pacific.pdf")
    assert regional.status_code == 200 and regional.content.startswith(b"%PDF-")
    assert client.get("/stocktaking/reports/1999.pdf").status_code == 404


def test_success_stories_publication_lists_flagged_entries_by_region(client, report_2027):
    html = client.get("/stocktaking/reports/2027/success-stories/").content.decode()
    assert "Rural broadband" in html and "Village clinics online" in html
    assert "Ordinary entry" not in html
    assert html.index("Africa") < html.index("Asia-Pacific")


def test_region_across_years(client, report_2027):
    older = CallFactory(year=2024, report_year=2025)
    EntryFactory(call=older, country="TH")
    response = client.get("/stocktaking/reports/regions/asia-pacific/")
    years = [(row.year, row.entries, row.success_stories) for row in response.context["years"]]
    assert years == [(2027, 2, 1), (2025, 1, 0)]
    assert client.get("/stocktaking/reports/regions/atlantis/").status_code == 404
