"""Facts as the seeds state them: published figures, the exclusive Platinum package, About WSIS."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forum import demo_programme
from forum.enums import FigureKind, FigureQualifier, PartnerTier
from forum.models import Edition, Partner, PublishedFigure
from tests.factories.forum_programme import EditionFactory

pytestmark = pytest.mark.django_db


def test_a_second_platinum_partner_is_refused_by_the_database():
    edition = EditionFactory()
    Partner.objects.create(edition=edition, organisation="First", tier=PartnerTier.PLATINUM)
    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.create(edition=edition, organisation="Second", tier=PartnerTier.PLATINUM)
    # Other tiers are not exclusive, and another edition has its own Platinum partner.
    Partner.objects.create(edition=edition, organisation="Gold 1", tier=PartnerTier.GOLD)
    Partner.objects.create(edition=edition, organisation="Gold 2", tier=PartnerTier.GOLD)
    other = EditionFactory(year=2028, starts_on=date(2028, 5, 8), ends_on=date(2028, 5, 12))
    Partner.objects.create(edition=other, organisation="First", tier=PartnerTier.PLATINUM)


def test_a_second_platinum_partner_gets_a_clear_message_in_forms():
    edition = EditionFactory()
    Partner.objects.create(edition=edition, organisation="First", tier=PartnerTier.PLATINUM)
    second = Partner(edition=edition, organisation="Second", tier=PartnerTier.PLATINUM)
    with pytest.raises(ValidationError, match="the package is exclusive"):
        second.full_clean()


def test_admin_refuses_a_second_platinum_partner(admin_client):
    edition = EditionFactory()
    Partner.objects.create(edition=edition, organisation="First", tier=PartnerTier.PLATINUM)
    response = admin_client.post(
        "/admin/forum/partner/add/",
        {"edition": edition.pk, "organisation": "Second", "tier": PartnerTier.PLATINUM, "order": 0},
    )
    assert response.status_code == 200
    assert "the package is exclusive" in response.content.decode()
    assert Partner.objects.filter(tier=PartnerTier.PLATINUM).count() == 1


def test_published_figure_needs_a_source():
    edition = EditionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PublishedFigure.objects.create(
            edition=edition, kind=FigureKind.PARTICIPANTS, value=1800, source=""
        )


def test_edition_page_shows_published_figures_with_their_source_beside_computed_ones(client):
    edition = EditionFactory()
    PublishedFigure.objects.create(
        edition=edition,
        kind=FigureKind.PARTICIPANTS,
        qualifier=FigureQualifier.MORE_THAN,
        value=1800,
        source="Outcome slides",
    )
    html = client.get(f"/forum/{edition.year}/").content.decode()
    assert "Published figures" in html
    assert "more than 1,800" in html
    assert "Outcome slides" in html
    assert "Computed by the portal" in html


def test_edition_page_without_published_figures_shows_only_computed_ones(client):
    edition = EditionFactory()
    html = client.get(f"/forum/{edition.year}/").content.decode()
    assert "Published figures" not in html
    assert "In figures" in html


def test_demo_2016_figures_are_those_of_the_seed():
    demo_programme.seed_past_editions()
    figures = {
        f.kind: (f.qualifier, f.value) for f in PublishedFigure.objects.filter(edition__year=2016)
    }
    assert figures[FigureKind.PARTICIPANTS] == (FigureQualifier.MORE_THAN, 1800)
    assert figures[FigureKind.PRIZE_WINNERS] == (FigureQualifier.EXACT, 18)
    assert figures[FigureKind.CHAMPIONS] == (FigureQualifier.EXACT, 70)
    assert set(PublishedFigure.objects.values_list("source", flat=True)) == {
        demo_programme.SOURCE_2016
    }


def test_demo_past_editions_are_on_the_dates_they_were_held():
    demo_programme.seed_past_editions()
    held = {e.year: (e.starts_on, e.ends_on, e.venue) for e in Edition.objects.all()}
    assert held[2018][:2] == (date(2018, 3, 19), date(2018, 3, 23))
    assert held[2019][:2] == (date(2019, 4, 8), date(2019, 4, 12))
    assert held[2020][2] == "Online"


@time_machine.travel("2027-02-01 10:00Z", tick=False)
def test_partnership_page_lists_the_packages_and_says_whether_platinum_is_taken(client):
    edition = EditionFactory()
    html = client.get("/forum/partnership/").content.decode()
    for package in [
        "Platinum Strategic Partner",
        "Gold Strategic Partner",
        "Specific Activities Partner",
        "Contributing Partner",
    ]:
        assert package in html
    assert "Exclusive: one Platinum partner per Forum edition." in html
    assert "is available" in html
    Partner.objects.create(edition=edition, organisation="Acme", tier=PartnerTier.PLATINUM)
    html = client.get("/forum/partnership/").content.decode()
    assert "has been taken" in html
    assert "Acme" in html


def test_about_page_cites_the_documents_of_each_phase(client):
    html = client.get("/about/").content.decode()
    for reference in [
        "WSIS-03/GENEVA/DOC/0004",
        "WSIS-03/GENEVA/DOC/0005",
        "WSIS-05/TUNIS/DOC/7",
        "WSIS-05/TUNIS/DOC/6(Rev.1)",
        "A/RES/70/125",
        "A/70/L.33",
        "Chief Executives Board Joint Statement",
    ]:
        assert reference in html
    assert "WSIS+20" in html
