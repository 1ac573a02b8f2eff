"""What the consultations make searchable on ``/search/``: published consultations and the
inputs they publish (their online discussions).

Official submissions are not public (each is reached through its author's private link), so
they are never searched.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wsis_portal.publishing import published_q
from wsis_portal.search import search_document
from wsis_portal.search_ranking import ranked_page, stored_probe
from wsis_portal.site_search import SearchHit, SearchKind, SearchParams

from .models import Consultation, Discussion


def _public_consultations(params: SearchParams) -> QuerySet[Consultation]:
    consultations = Consultation.objects.filter(published_q())
    if params.year:
        consultations = consultations.filter(edition__year=params.year)
    return consultations


# The page's rows: only pooled rows are read, and the pool holds only published ones that
# pass the filters, so the page's query does not test them again.
def _consultation_rows(params: SearchParams) -> QuerySet[Consultation]:
    return Consultation.objects.select_related("edition")


def _discussion_rows(params: SearchParams) -> QuerySet[Discussion]:
    return Discussion.objects.select_related("consultation")


def search_consultations(
    params: SearchParams, offset: int, limit: int
) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _public_consultations,
        params,
        offset=offset,
        limit=limit,
        rows=_consultation_rows,
    )
    return count, [
        SearchHit(
            title=str(consultation),
            url=consultation.get_absolute_url(),
            summary=Truncator(consultation.description).words(40),
            meta=str(consultation.edition) if consultation.edition_id else "",
        )
        for consultation in rows
    ]


def _public_discussions(params: SearchParams) -> QuerySet[Discussion]:
    discussions = Discussion.objects.filter(published_q("consultation__"))
    if params.year:
        discussions = discussions.filter(consultation__edition__year=params.year)
    return discussions


def search_discussions(
    params: SearchParams, offset: int, limit: int
) -> tuple[int, list[SearchHit]]:
    """Discussion topics of published consultations, on their indexed title and opening text."""
    count, rows = ranked_page(
        _public_discussions,
        params,
        offset=offset,
        limit=limit,
        document=search_document("title", "body"),
        rows=_discussion_rows,
    )
    return count, [
        SearchHit(
            title=discussion.title,
            url=discussion.get_absolute_url(),
            summary=Truncator(discussion.body).words(40),
            meta=str(discussion.consultation),
            lang=discussion.language,
        )
        for discussion in rows
    ]


KINDS = [
    SearchKind(
        key="consultations",
        label=_("Consultations"),
        search=search_consultations,
        filters=frozenset({"year"}),
        order=40,
        watch=(Consultation,),
        probe=stored_probe(Consultation),
    ),
    SearchKind(
        key="inputs",
        label=_("Consultation inputs"),
        search=search_discussions,
        filters=frozenset({"year"}),
        order=45,
        watch=(Consultation, Discussion),
        # The document of search_discussions, as its expression index is written.
        probe=(Discussion._meta.db_table, "wsis_search_vector(title || ' ' || body)"),
    ),
]
