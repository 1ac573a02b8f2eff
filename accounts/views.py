from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .selectors import my_sections, profile_for
from .services import profile_update


@login_required
def profile(request):
    current = profile_for(user=request.user)
    next_url = _safe_next(request)
    form = ProfileForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect(next_url or "accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "has_profile": current is not None, "next_url": next_url},
    )


def _safe_next(request) -> str:
    """Where to go after saving: a page of this site that sent the user here, or nowhere."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@login_required
def my(request):
    return render(
        request,
        "accounts/my.html",
        {"profile": profile_for(user=request.user), "sections": my_sections(user=request.user)},
    )
