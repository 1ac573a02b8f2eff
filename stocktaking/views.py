"""Thin views of WSIS Stocktaking: parse the request, call a selector or a service, render."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.selectors import signed_in_user, user_has_verified_email
from forum.enums import Region
from wsis_portal.csv_safe import streaming_csv_response
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusals import Refusal
from wsis_portal.streaming import guarded

from . import publications, selectors, services
from .caching import cached
from .enums import CallKind, EntryStatus
from .forms import EntryForm
from .report_pdf import report_pdf as pdf_of_report


def search(request: HttpRequest) -> HttpResponse:
    """The search page. Its two costly fragments are rendered once per data version and query.

    The selector's page of results is lazy: when the rendered results come from the cache the
    page is never read from the database. The results are keyed on the query string as sent
    (their pagination links repeat it), the facets on the selector's normalised query.
    """
    context = selectors.entry_search(params=request.GET, page_number=request.GET.get("page"))
    version, language, page = context["cache_version"], get_language(), context["page_obj"]
    facets_html = cached(
        ("facets-html", context["facets_key"], language),
        lambda: render_to_string("stocktaking/includes/facets.html", {"facets": context["facets"]}),
        version,
    )
    raw = tuple(sorted((k, tuple(v)) for k, v in request.GET.lists() if k != "page"))
    results_html = cached(
        ("results-html", raw, page.number, language),
        lambda: render_to_string(
            "stocktaking/includes/results.html",
            {"entries": page.object_list, "page_obj": page},
            request=request,
        ),
        version,
    )
    # Both were rendered by our own autoescaping templates (a cache round trip drops the mark).
    context["facets_html"] = mark_safe(facets_html)
    context["results_html"] = mark_safe(results_html)
    context["new_call"] = selectors.call_open_for_display(kind=CallKind.NEW_ENTRIES)
    return render(request, "stocktaking/search.html", context)


def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_for_viewer(entry_id=pk, user=request.user)
    is_owner = request.user.is_authenticated and entry.submitter_id == request.user.pk
    context = {"entry": entry, "is_owner": is_owner}
    if is_owner:
        context["pending"] = selectors.pending_update(entry=entry)
        context["decision"] = selectors.last_decision(entry=entry)
        context["update_call"] = selectors.call_open(kind=CallKind.UPDATES)
        context["new_call"] = selectors.call_open(kind=CallKind.NEW_ENTRIES)
    return render(request, "stocktaking/entry_detail.html", context)


def _verified_or_refuse(request: HttpRequest) -> HttpResponse | None:
    if not user_has_verified_email(user=request.user):
        return render(
            request,
            "stocktaking/refused.html",
            {"message": _("Confirm your email address before you submit entries.")},
            status=403,
        )
    return None


def _closed(request: HttpRequest, kind: str) -> HttpResponse:
    return render(
        request,
        "stocktaking/closed.html",
        {"kind": kind, "next_call": selectors.next_call(kind=kind)},
        status=200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit("stocktaking-post", "30/h", per=("user",))
def entry_create(request: HttpRequest) -> HttpResponse:
    refused = _verified_or_refuse(request)
    if refused:
        return refused
    call = selectors.call_open(kind=CallKind.NEW_ENTRIES)
    if call is None:
        return _closed(request, CallKind.NEW_ENTRIES)
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _save_draft(request, form, entry=None)
    return render(
        request, "stocktaking/entry_form.html", {"form": form, "call": call, "mode": "new"}
    )


def _save_draft(request: HttpRequest, form: EntryForm, entry) -> HttpResponse:
    submit = request.POST.get("action") == "submit"
    try:
        saved = services.entry_save_draft(
            user=signed_in_user(request),
            data=form.cleaned_data,
            action_lines=form.cleaned_data["action_lines"],
            sdgs=form.cleaned_data["sdgs"],
            entry=entry,
            submit=submit,
        )
    except ValidationError as error:
        _attach(form, error)
        return render(
            request,
            "stocktaking/entry_form.html",
            {
                "form": form,
                "call": selectors.call_open(kind=CallKind.NEW_ENTRIES),
                "mode": "draft" if entry else "new",
                "entry": entry,
            },
        )
    except Refusal as error:
        messages.error(request, error.message)
        return (
            redirect("stocktaking:entry", pk=entry.pk) if entry else redirect("stocktaking:search")
        )
    if submit:
        messages.success(
            request, _("Your entry has been submitted. The WSIS Secretariat will review it.")
        )
    else:
        messages.success(request, _("Your draft has been saved."))
    return redirect("stocktaking:entry", pk=saved.pk)


def _attach(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit("stocktaking-post", "30/h", per=("user",))
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft is edited in place; a published entry gets an update proposal."""
    entry = selectors.entry_for_viewer(entry_id=pk, user=request.user)
    if entry.submitter_id != request.user.pk:
        raise PermissionDenied(_("Only the submitter of this entry can change it."))
    refused = _verified_or_refuse(request)
    if refused:
        return refused
    if entry.status == EntryStatus.DRAFT:
        call = selectors.call_open(kind=CallKind.NEW_ENTRIES)
        if call is None:
            return _closed(request, CallKind.NEW_ENTRIES)
        form = EntryForm(request.POST or None, instance=entry, entry=entry)
        if request.method == "POST" and form.is_valid():
            return _save_draft(request, form, entry=entry)
        return render(
            request,
            "stocktaking/entry_form.html",
            {"form": form, "call": call, "mode": "draft", "entry": entry},
        )
    if entry.status != EntryStatus.PUBLISHED:
        messages.error(
            request,
            _("This entry is waiting for the secretariat or was rejected; it cannot be changed."),
        )
        return redirect("stocktaking:entry", pk=entry.pk)
    call = selectors.call_open(kind=CallKind.UPDATES)
    if call is None:
        return _closed(request, CallKind.UPDATES)
    pending = selectors.pending_update(entry=entry)
    initial = None
    if pending and request.method == "GET":
        initial = selectors.pending_update_initial(revision=pending)
    form = EntryForm(request.POST or None, instance=_copy(entry), entry=entry, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update_propose(
                entry=entry,
                user=signed_in_user(request),
                data=form.cleaned_data,
                action_lines=form.cleaned_data["action_lines"],
                sdgs=form.cleaned_data["sdgs"],
            )
        except ValidationError as error:
            _attach(form, error)
        except Refusal as error:
            messages.error(request, error.message)
            return redirect("stocktaking:entry", pk=entry.pk)
        else:
            messages.success(
                request,
                _(
                    "Your update has been sent to the WSIS Secretariat. The published entry stays as it is until they publish it."
                ),
            )
            return redirect("stocktaking:entry", pk=entry.pk)
    return render(
        request,
        "stocktaking/entry_form.html",
        {"form": form, "call": call, "mode": "update", "entry": entry, "pending": pending},
    )


def _copy(entry):
    """A detached copy so that form validation never touches the published row."""
    from copy import copy

    return copy(entry)


# --- open data ---------------------------------------------------------------------------


def _export_qs(request: HttpRequest):
    filterset = selectors.entry_filter(request.GET)
    return selectors.filtered_entries(filterset)


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows = selectors.export_rows(_export_qs(request), base_url=request.build_absolute_uri("/")[:-1])
    header = selectors.EXPORT_HEADER

    def lines():
        for item in rows:
            yield [
                ";".join(v)
                if key == "action_lines"
                else ";".join(str(n) for n in v)
                if key == "sdgs"
                else v
                for key, v in ((h, item[h]) for h in header)
            ]

    stamp = timezone.now().strftime("%Y%m%d")
    return streaming_csv_response(f"wsis-stocktaking-{stamp}.csv", header, lines())


def export_json(request: HttpRequest) -> StreamingHttpResponse:
    rows = selectors.export_rows(_export_qs(request), base_url=request.build_absolute_uri("/")[:-1])

    def chunks() -> Iterator[str]:
        yield "["
        first = True
        for item in rows:
            yield ("" if first else ",") + "\n" + json.dumps(item, ensure_ascii=False)
            first = False
        yield "\n]\n"

    stamp = timezone.now().strftime("%Y%m%d")
    filename = f"wsis-stocktaking-{stamp}.json"
    # Unclosed and not JSON: whatever parses the file refuses it instead of using a part.
    failure = "\n<<EXPORT FAILED: this file is incomplete. Download it again.>>\n"
    response = StreamingHttpResponse(
        guarded(chunks(), failure=failure, name=filename),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- reports -----------------------------------------------------------------------------


def reports(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "stocktaking/reports.html",
        {"reports": publications.reports_with_releases(), "regions": list(Region)},
    )


def report(request: HttpRequest, year: int, region: str | None = None) -> HttpResponse:
    return render(
        request,
        "stocktaking/report.html",
        {
            **selectors.report(year=year, region=region),
            "release": publications.release_of(year=year),
        },
    )


def report_pdf(request: HttpRequest, year: int, region: str | None = None) -> HttpResponse:
    response = HttpResponse(pdf_of_report(year=year, region=region), content_type="application/pdf")
    name = f"wsis-stocktaking-report-{year}{'-' + region if region else ''}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def success_stories(request: HttpRequest, year: int) -> HttpResponse:
    report_data = selectors.report(year=year)
    return render(
        request,
        "stocktaking/success_stories.html",
        {
            "year": year,
            "title": report_data["title"],
            "entries": list(publications.success_stories(year=year)),
            "release": publications.release_of(year=year),
        },
    )


def region_reports(request: HttpRequest, region: str) -> HttpResponse:
    return render(
        request,
        "stocktaking/region_reports.html",
        publications.region_across_years(region=region),
    )
