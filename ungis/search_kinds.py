"""What UNGIS makes searchable on ``/search/``: its members' pages and its joint initiatives."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from forum.base.models_facilitation import ActionLineFacilitator
from wsis_portal.search_ranking import ranked_page, stored_probe
from wsis_portal.site_search import SearchHit, SearchKind, SearchParams

from .models import Agency, Initiative
from .selectors import members, members_facilitating


def _members(params: SearchParams) -> QuerySet[Agency]:
    """Member agencies; the Action Line filter keeps those a source names as facilitating it."""
    return members_facilitating(params.action_line) if params.action_line else members()


def _agency_rows(params: SearchParams) -> QuerySet[Agency]:
    # Only pooled agencies are read, and the pool holds only members that pass the filter.
    return Agency.objects.all()


def search_members(params: SearchParams, offset: int, limit: int) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _members,
        params,
        offset=offset,
        limit=limit,
        fallback_fields=("name",),
        rows=_agency_rows,
    )
    return count, [
        SearchHit(
            title=f"{agency.name} ({agency.acronym})",
            url=agency.get_absolute_url(),
            summary=Truncator(agency.description).words(40),
        )
        for agency in rows
    ]


def _initiatives(params: SearchParams) -> QuerySet[Initiative]:
    return Initiative.objects.all()


def search_initiatives(
    params: SearchParams, offset: int, limit: int
) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _initiatives,
        params,
        offset=offset,
        limit=limit,
        fallback_fields=("name",),
    )
    about = reverse("ungis:about")
    return count, [
        SearchHit(
            title=initiative.name,
            url=f"{about}#initiatives",
            summary=Truncator(initiative.description).words(40),
        )
        for initiative in rows
    ]


KINDS = [
    SearchKind(
        key="ungis",
        label=_("UNGIS members"),
        search=search_members,
        filters=frozenset({"action_line"}),
        order=60,
        watch=(Agency, ActionLineFacilitator),
        probe=stored_probe(Agency),
    ),
    SearchKind(
        key="initiatives",
        label=_("UNGIS joint initiatives"),
        search=search_initiatives,
        order=65,
        watch=(Initiative,),
        probe=stored_probe(Initiative),
    ),
]
