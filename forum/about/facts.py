"""Reads of what the Forum's own documents state: published figures and partnership packages."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from wsis_portal.publishing import published_q

from ..enums import FigureKind, PartnerTier
from ..models import Edition, Partner, PublishedFigure


@dataclass(frozen=True)
class PublishedFacts:
    figures: list[PublishedFigure]
    sources: list[tuple[str, str]]  # (title, link), each once, in the order first cited


def published_figures(*, edition: Edition) -> PublishedFacts:
    """The figures an edition's documents state, in the order of ``FigureKind``."""
    order = {kind: i for i, kind in enumerate(FigureKind.values)}
    figures = sorted(PublishedFigure.objects.filter(edition=edition), key=lambda f: order[f.kind])
    sources = list(dict.fromkeys((f.source, f.source_url) for f in figures))
    return PublishedFacts(figures=figures, sources=sources)


@dataclass(frozen=True)
class SponsorshipOverview:
    edition: Edition | None
    platinum_taken: bool
    partners: list[Partner]


def sponsorship_overview() -> SponsorshipOverview:
    """The next (or current) edition's partners, and whether its exclusive package is taken."""
    today = timezone.localdate()
    edition = (
        Edition.objects.filter(published_q(), ends_on__gte=today).order_by("starts_on").first()
    )
    if edition is None:
        return SponsorshipOverview(edition=None, platinum_taken=False, partners=[])
    partners = list(Partner.objects.filter(edition=edition))
    return SponsorshipOverview(
        edition=edition,
        platinum_taken=any(p.tier == PartnerTier.PLATINUM for p in partners),
        partners=partners,
    )
