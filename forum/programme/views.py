"""Pages of Forum editions: list, edition, programme, session, iCalendar, registration."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.selectors import profile_for, signed_in_user
from wsis_portal.fragments import fragment
from wsis_portal.params import get_page
from wsis_portal.publishing import mark_preview
from wsis_portal.refusals import Refusal

from ..about import events, facts
from ..forms import RegistrationForm
from . import hlt
from . import selectors as programme
from .caching import programme_cache_key, programme_page_key
from .calendar import ProgrammeCalendar, programme_calendar
from .ical import calendar_bytes
from .services import (
    registration_cancel,
    registration_create,
    session_register,
)

PROGRAMME_PAGE_SIZE = 100


def edition_list(request):
    paginator = Paginator(programme.editions(), 20)
    page = get_page(paginator, request.GET.get("page"))
    return render(request, "forum/edition_list.html", {"page_obj": page, "editions": page})


def edition_detail(request, year: int):
    edition = mark_preview(request, programme.edition_by_year(year, user=request.user))
    now = timezone.now()
    return render(
        request,
        "forum/edition_detail.html",
        {
            "edition": edition,
            "figures": programme.edition_figures(edition=edition),
            "published": facts.published_figures(edition=edition),
            "partner_tiers": programme.partners_by_tier(edition=edition),
            "documents": list(edition.outcome_documents.all()),
            "input_events": list(events.events_feeding(edition=edition)),
            "has_high_level_track": edition.hlt_themes.exists(),
            "registration_open": edition.registration_is_open(now),
            "registration": programme.registration_of(edition=edition, user=request.user),
        },
    )


def high_level_track(request, year: int):
    edition = mark_preview(request, programme.edition_by_year(year, user=request.user))

    def build() -> tuple[str, None]:
        track = hlt.high_level_track(edition=edition)
        context = {"edition": edition, "track": track}
        return render_to_string("forum/includes/hlt_content.html", context, request=request), None

    content = fragment(
        key=programme_cache_key("hlt-page", edition.pk), now=timezone.now(), build=build
    )
    return render(request, "forum/high_level_track.html", {"edition": edition, "content": content})


def programme_page(request, year: int):
    edition = mark_preview(request, programme.edition_by_year(year, user=request.user))
    now = timezone.now()

    def build() -> tuple[str, datetime | None]:
        filterset = programme.programme_filter(edition=edition, data=request.GET)
        paginator = Paginator(filterset.qs, PROGRAMME_PAGE_SIZE)
        page = get_page(paginator, request.GET.get("page"))
        days = programme.programme_days(page.object_list, now=now)
        html = render_to_string(
            "forum/includes/programme_content.html",
            {
                "edition": edition,
                "filter": filterset,
                "page_obj": page,
                "days": days,
                "now": now,
                "ics_query": request.GET.urlencode(),
            },
            request=request,
        )
        return html, programme.programme_days_next_change(days, now=now)

    content = fragment(key=programme_page_key(edition, request.GET), now=now, build=build)
    return render(request, "forum/programme.html", {"edition": edition, "content": content})


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def programme_ics(request, year: int):
    """The whole programme (or the filtered part of it) as one calendar; a client that has
    the current file gets a 304 (ETag and Last-Modified follow the programme version)."""
    edition = mark_preview(request, programme.edition_by_year(year, user=request.user))
    calendar = programme_calendar(
        edition=edition,
        data=request.GET,
        name=_("%(edition)s programme") % {"edition": edition},
        base_url=request.build_absolute_uri("/")[:-1],
    )
    not_modified = get_conditional_response(
        request, etag=calendar.etag, last_modified=_timestamp(calendar.last_modified)
    )
    if not_modified is not None:
        return _validators(not_modified, calendar)
    return _validators(_ics_response(calendar.content(), f"wsis-forum-{year}.ics"), calendar)


def _timestamp(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment is not None else None


def _validators(response: HttpResponse, calendar: ProgrammeCalendar) -> HttpResponse:
    """ETag and Last-Modified, on the file and on a 304 alike (none when the cache is down)."""
    if calendar.etag is not None and calendar.last_modified is not None:
        response["ETag"] = calendar.etag
        response["Last-Modified"] = http_date(calendar.last_modified.timestamp())
    return response


def session_detail(request, year: int, session_id: int):
    session = programme.session_for_page(year=year, session_id=session_id, user=request.user)
    now = timezone.now()
    return render(
        request,
        "forum/session_detail.html",
        {
            "edition": session.edition,
            "session": session,
            "roles": list(session.roles.all()),
            "happening_now": session.is_happening(now),
            "session_registration_open": bool(
                session.registration_required
                and session.registration_closes_at
                and now < session.registration_closes_at
            ),
            "registered_for_session": programme.is_registered_for_session(
                session=session, user=request.user
            ),
        },
    )


@login_required
@require_http_methods(["POST"])
def session_register_view(request, year: int, session_id: int):
    session = programme.session_for_page(year=year, session_id=session_id, user=request.user)
    try:
        session_register(session=session, user=signed_in_user(request), now=timezone.now())
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("You are registered for this online session."))
    return redirect(session.get_absolute_url())


def session_ics(request, year: int, session_id: int):
    session = programme.session_for_page(year=year, session_id=session_id, user=request.user)
    content = calendar_bytes(
        [session], name=session.title, base_url=request.build_absolute_uri("/")[:-1]
    )
    return _ics_response(content, f"wsis-forum-{year}-session-{session.pk}.ics")


@login_required
@require_http_methods(["GET", "POST"])
def register(request, year: int):
    edition = mark_preview(request, programme.edition_by_year(year, user=request.user))
    if profile_for(user=request.user) is None:
        messages.warning(
            request,
            _(
                "Complete your stakeholder profile first; you will then come back to register for %(e)s."
            )
            % {"e": edition},
        )
        return redirect(f"{reverse('accounts:profile')}?{urlencode({'next': request.path})}")
    existing = programme.registration_of(edition=edition, user=request.user)
    now = timezone.now()
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            registration_create(edition=edition, user=request.user, mode=form.cleaned_data["mode"])
        except Refusal as refusal:
            form.add_error("mode", refusal.message)
        else:
            messages.success(
                request,
                _("You are registered for %(e)s. A confirmation email is on its way.")
                % {"e": edition},
            )
            return redirect("accounts:my")
    return render(
        request,
        "forum/register.html",
        {
            "edition": edition,
            "form": form,
            "registration": existing,
            "registration_open": edition.registration_is_open(now),
            "places_left": programme.in_person_places_left(edition=edition),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_cancel(request, year: int):
    """Cancel one's own registration after confirming it on this page; someone else's is a 404."""
    registration = programme.registration_to_cancel(year=year, user=request.user)
    if request.method == "GET":
        return render(request, "forum/register_cancel.html", {"registration": registration})
    try:
        registration_cancel(registration=registration)
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Your registration for %(e)s is cancelled.") % {"e": registration.edition},
        )
    return redirect("accounts:my")
