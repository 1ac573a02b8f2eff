from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wsis_portal.params import get_page

from . import selectors
from .forms import AgencyProfileForm
from .services import agency_profile_update


def about(request):
    return render(
        request,
        "ungis/about.html",
        {
            "initiatives": selectors.initiatives(),
            "meetings": selectors.recent_meetings(),
            "member_count": selectors.member_count(),
        },
    )


def members(request):
    paginator = Paginator(selectors.members(), 50)
    page = get_page(paginator, request.GET.get("page"))
    return render(
        request,
        "ungis/members.html",
        {"page_obj": page, "rows": selectors.member_rows(page)},
    )


def member(request, acronym: str):
    agency = selectors.agency_by_acronym(acronym)
    return render(
        request,
        "ungis/member.html",
        {
            "agency": agency,
            "can_edit": selectors.can_edit_agency(user=request.user, agency=agency),
            **selectors.agency_page(agency=agency),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, acronym: str):
    agency = selectors.agency_by_acronym(acronym)
    if not selectors.can_edit_agency(user=request.user, agency=agency):
        raise PermissionDenied(
            _("Only the focal points of %(a)s may edit its profile.") % {"a": agency}
        )
    if request.method == "POST":
        form = AgencyProfileForm(request.POST, request.FILES, instance=agency)
    else:
        form = AgencyProfileForm(instance=agency)
    if request.method == "POST" and form.is_valid():
        agency_profile_update(agency=agency, user=request.user, data=form.cleaned_data)
        messages.success(request, _("The profile of %(a)s has been saved.") % {"a": agency})
        return redirect(agency.get_absolute_url())
    return render(request, "ungis/member_edit.html", {"agency": agency, "form": form})


def chairs(request):
    return render(request, "ungis/chairs.html", {"years": selectors.chair_terms_by_year()})
