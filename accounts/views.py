from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .selectors import my_sections, profile_for
from .services import profile_update


@login_required
def profile(request):
    current = profile_for(user=request.user)
    form = ProfileForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile.html", {"form": form, "has_profile": current is not None}
    )


@login_required
def my(request):
    return render(
        request,
        "accounts/my.html",
        {"profile": profile_for(user=request.user), "sections": my_sections(user=request.user)},
    )
