"""Entering and editing a project, and its attachments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.selectors import user_has_verified_email
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusal_responses import refusal_status
from wsis_portal.refusals import Refusal

from .. import selectors, services
from ..enums import BALLOT_STATES, EDITABLE_STATES, PhaseKind, ProjectStatus
from ..forms import AttachmentsForm, ProjectForm
from ..models import ATTACHMENTS_PER_PROJECT, Project
from .pages import _contest


def _submission_state(contest, now):
    phase = selectors.phase(contest, PhaseKind.SUBMISSION)
    return phase, bool(phase and phase.is_open(now))


def _submit_page(request, item, now, project=None, *, form=None, attachments_form=None, status=200):
    """The submission page: the project form, its attachments and the submitter's projects."""
    phase, is_open = _submission_state(item, now)
    # Annotated with the status each may see (an attribute the template reads).
    mine: list[Any] = selectors.submitter_projects(contest=item, user=request.user)
    # A Winner decision stays unpublished, also to its submitter, until the ceremony.
    for shown in [*mine, project] if project else mine:
        shown.shown_status = ProjectStatus(selectors.public_status(shown, item, now)).label
    verified = user_has_verified_email(user=request.user)
    editable = is_open and verified and (project is None or project.status in EDITABLE_STATES)
    attachments = list(project.attachments.all()) if project else []
    if editable and form is None:
        form = ProjectForm(instance=project, contest=item, submitter=request.user)
    if editable and project and attachments_form is None:
        attachments_form = AttachmentsForm()
    return render(
        request,
        "prizes/submit.html",
        {
            "contest": item,
            "phase": phase,
            "is_open": is_open,
            "verified": verified,
            "editable": editable,
            "form": form if editable else None,
            "attachments_form": attachments_form if editable else None,
            "attachments": attachments,
            "can_add_attachments": len(attachments) < ATTACHMENTS_PER_PROJECT,
            "attachments_limit": ATTACHMENTS_PER_PROJECT,
            "project": project,
            "mine": mine,
            "now": now,
        },
        status=status,
    )


def _own_project(request, item, project_id: int) -> Project:
    """One of the signed-in user's projects; anyone else's is a 404, never a hint it exists."""
    return selectors.own_project(contest=item, user=request.user, project_id=project_id)


@ratelimit("prizes-submit", "30/m", per=("ip", "user"))
@login_required
def submit(request, year: int, project_id: int | None = None):
    """Enter a new project or edit one's own, while the submission phase is open."""
    item = _contest(request, year)
    now = timezone.now()
    _phase, is_open = _submission_state(item, now)
    project = _own_project(request, item, project_id) if project_id is not None else None
    verified = user_has_verified_email(user=request.user)
    editable = is_open and verified and (project is None or project.status in EDITABLE_STATES)
    form = None
    status = 200
    if editable and request.method == "POST":
        form = ProjectForm(
            request.POST,
            request.FILES,
            instance=project,
            contest=item,
            submitter=request.user,
        )
        if form.is_valid():
            try:
                saved = services.project_save(
                    submitter=request.user,
                    contest=item,
                    data=form.cleaned_data,
                    project=project,
                )
                if request.POST.get("action") == "submit" and saved.status == "draft":
                    services.project_submit(submitter=request.user, project=saved)
                    messages.success(
                        request,
                        _("Your project has been submitted. A receipt is on its way by email."),
                    )
                else:
                    messages.success(request, _("Your project has been saved."))
                return redirect("prizes:submit_edit", year=year, project_id=saved.pk)
            except ValidationError as exc:
                form.add_error(None, exc)
            except Refusal as exc:
                form.add_error(None, exc.message)
        status = 400
    elif request.method == "POST":
        messages.error(request, _("This project can no longer be changed."))
    return _submit_page(request, item, now, project, form=form, status=status)


@require_POST
@ratelimit("prizes-submit", "30/m", per=("ip", "user"))
@login_required
def attachment_add(request, year: int, project_id: int):
    """Attach one or more files to one's own project: all of them, or none when one is bad."""
    item = _contest(request, year)
    now = timezone.now()
    project = _own_project(request, item, project_id)
    form = AttachmentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = services.project_attachments_add(
                submitter=request.user,
                project=project,
                files=form.cleaned_data["attachments"],
                now=now,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except Refusal as exc:
            messages.error(request, exc.message)
            return _submit_page(request, item, now, project, status=refusal_status(exc))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s file has been attached.", "%(n)s files have been attached.", len(added)
                )
                % {"n": len(added)},
            )
            return redirect(reverse("prizes:submit_edit", args=[year, project.pk]) + "#attachments")
    return _submit_page(request, item, now, project, attachments_form=form, status=400)


@require_http_methods(["GET", "POST"])
@ratelimit("prizes-submit", "30/m", per=("ip", "user"))
@login_required
def attachment_remove(request, year: int, project_id: int, attachment_id: int):
    """Remove an attachment of one's own project while the submission phase is open, after
    confirming it on this page (GET asks, POST removes)."""
    item = _contest(request, year)
    now = timezone.now()
    project = _own_project(request, item, project_id)
    attachment = selectors.project_attachment(project=project, attachment_id=attachment_id)
    attachment.project = project
    if request.method == "GET":
        return render(
            request,
            "prizes/attachment_remove.html",
            {"contest": item, "project": project, "attachment": attachment},
        )
    try:
        services.project_attachment_remove(submitter=request.user, attachment=attachment, now=now)
    except Refusal as exc:
        messages.error(request, exc.message)
        return _submit_page(request, item, now, project, status=refusal_status(exc))
    messages.success(
        request, _("“%(name)s” has been removed.") % {"name": attachment.original_name}
    )
    return redirect(reverse("prizes:submit_edit", args=[year, project.pk]) + "#attachments")


def attachment_download(request, year: int, project_id: int, attachment_id: int):
    """Download an attachment: public for projects on the ballot; otherwise only for the
    submitter and staff (the same rule as the project page)."""
    item = _contest(request, year)
    shown = selectors.ballot_project(contest=item, project_id=project_id, user=request.user)
    attachment = selectors.project_attachment(project=shown, attachment_id=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except OSError:
        raise Http404(_("This file is no longer available.")) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name or "attachment",
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if shown.status not in BALLOT_STATES:
        response["Cache-Control"] = "private, no-store"
    return response
