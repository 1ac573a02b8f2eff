"""Thin views of the Open Consultation Process: parse, call a selector or a service, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.selectors import profile_for
from forum.hlt import published_hlt_facilitators
from wsis_portal.params import get_page
from wsis_portal.publishing import mark_preview
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusals import Refusal

from . import selectors, services
from .enums import Language
from .forms import CommentForm, FlagForm, LostLinkForm, NominationForm, SubmissionForm
from .models import Comment

COMMENTS_PER_PAGE = 20
DISCUSSIONS_PER_PAGE = 20
TEASER_WORDS = 40


def _consultation(request, slug: str):
    """404 for a draft, except for staff who preview it with a banner."""
    return mark_preview(request, selectors.consultation_get(slug=slug, user=request.user))


def consultation_list(request):
    now = timezone.now()
    consultations = list(selectors.consultations_list()[:50])
    rows = [(c, selectors.process_state(consultation=c, now=now)) for c in consultations]
    return render(request, "consultations/list.html", {"rows": rows})


def timeline(request, slug: str):
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    return render(
        request,
        "consultations/timeline.html",
        {
            "consultation": consultation,
            "state": state,
            "nominations_open": selectors.nominations_open(consultation=consultation, state=state),
            "subscribed": selectors.is_subscribed_to_consultation(
                user=request.user, consultation=consultation
            ),
            "facilitators": published_hlt_facilitators(edition=consultation.edition),
        },
    )


def _submission_initial(user) -> dict:
    if not user.is_authenticated:
        return {}
    initial = {"email": user.email}
    profile = profile_for(user=user)
    if profile:
        initial.update(
            full_name=profile.full_name,
            organisation_name=profile.organisation_name,
            organisation_country=profile.organisation_country,
            stakeholder_type=profile.stakeholder_type,
            telephone=profile.telephone,
        )
    return initial


def _split_m2m(cleaned: dict) -> tuple[dict, list, list]:
    data = dict(cleaned)
    return data, list(data.pop("action_lines", [])), list(data.pop("sdgs", []))


@never_cache
# Generous per IP: a regional event may send several inputs from one network.
@ratelimit("consultations-submit", "30/h", per=("ip",))
def submit(request, slug: str):
    consultation = _consultation(request, slug)
    now = timezone.now()
    state = selectors.process_state(consultation=consultation, now=now)
    context = {"consultation": consultation, "state": state}
    if not state.submissions_open:
        # The clock decides: refused, whatever was posted, and nothing is saved.
        status = 403 if request.method == "POST" else 200
        return render(request, "consultations/submit_closed.html", context, status=status)
    form = SubmissionForm(request.POST or None, initial=_submission_initial(request.user))
    if request.method == "POST" and form.is_valid():
        data, action_lines, sdgs = _split_m2m(form.cleaned_data)
        try:
            submission, _token = services.submission_create(
                consultation=consultation,
                data=data,
                action_lines=action_lines,
                sdgs=sdgs,
                user=request.user,
                now=timezone.now(),
                link_base=request.build_absolute_uri("/").rstrip("/"),
            )
        except Refusal as exc:
            context["refusal"] = exc.message
            return render(request, "consultations/submit_closed.html", context, status=403)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            done = reverse("consultations:submit_done", args=[consultation.slug])
            if submission.email_confirmed_at is None:
                done += "?confirm=1"
            return redirect(done)
    context["form"] = form
    return render(request, "consultations/submit.html", context)


@never_cache
@ratelimit("consultations-lost-link", "5/h", per=("ip",))
def submission_lost_link(request, slug: str):
    """Send fresh private links to a submitter's address; the answer never says if it matched."""
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.submission_links_resend(
            consultation=consultation,
            email=form.cleaned_data["email"],
            now=timezone.now(),
            link_base=request.build_absolute_uri("/").rstrip("/"),
        )
        messages.success(
            request,
            _(
                "If a submission was sent from this address, we have emailed it a new private "
                "link. The earlier link keeps working until the new one is opened."
            ),
        )
        return redirect("consultations:submission_lost_link", slug=consultation.slug)
    return render(
        request,
        "consultations/lost_link.html",
        {"consultation": consultation, "state": state, "form": form},
    )


def submit_done(request, slug: str):
    consultation = _consultation(request, slug)
    return render(
        request,
        "consultations/submit_done.html",
        {"consultation": consultation, "to_confirm": request.GET.get("confirm") == "1"},
    )


@never_cache
def submission_private(request, slug: str, token: str):
    """View and, until the deadline, edit a submission through its private link."""
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    if state.private_links_expired:
        # Said plainly, not a bare 404: the submitter may still keep the email.
        return render(
            request,
            "consultations/submission_link_expired.html",
            {
                "consultation": consultation,
                "closed_at": state.phases[-1].ends_at,
                "expired_at": state.private_links_expire_at,
                "days": settings.CONSULTATION_LINK_DAYS_AFTER_CLOSE,
            },
            status=410,
        )
    submission = services.submission_link_open(consultation=consultation, token=token)
    if submission.email_confirmed_at is None:
        return _address_confirmation(request, consultation, submission)
    return _submission_page(request, consultation, submission)


def _address_confirmation(request, consultation, submission):
    """Double opt-in: the owner of the address confirms it before the submission counts.

    A POST, not the GET of the link, confirms: mail scanners that open links confirm nothing.
    Nothing the submitter typed is shown before that.
    """
    if request.method == "POST" and request.POST.get("confirm_address"):
        services.submission_email_confirm(submission=submission, now=timezone.now())
        messages.success(
            request, _("Thank you: your address is confirmed and your submission counts.")
        )
        return redirect(request.path)
    response = render(
        request,
        "consultations/submission_confirm.html",
        {"consultation": consultation, "submission": submission},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@login_required
def submission_mine(request, slug: str, pk: int):
    """The signed-in submitter's own submission; anyone else gets a 404."""
    consultation = _consultation(request, slug)
    submission = selectors.submission_of_user(consultation=consultation, user=request.user, pk=pk)
    return _submission_page(request, consultation, submission)


def _submission_page(request, consultation, submission):
    now = timezone.now()
    state = selectors.process_state(consultation=consultation, now=now)
    context = {"consultation": consultation, "state": state, "submission": submission}
    if state.submissions_open:
        form = SubmissionForm(request.POST or None, instance=submission)
        # The address was confirmed (or verified on the account): changing it here would
        # count a submission from an address nobody confirmed.
        form.fields["email"].disabled = True
        if request.method == "POST" and form.is_valid():
            data, action_lines, sdgs = _split_m2m(form.cleaned_data)
            try:
                services.submission_update(
                    submission=submission,
                    data=data,
                    action_lines=action_lines,
                    sdgs=sdgs,
                    now=timezone.now(),
                )
            except Refusal as exc:
                messages.error(request, exc.message)
                return redirect(request.path)
            messages.success(request, _("Your changes are saved."))
            return redirect(request.path)
        context["form"] = form
    elif request.method == "POST":
        context["refusal"] = _(
            "The submissions deadline has passed, so this submission can no longer be "
            "changed. Nothing was saved."
        )
        response = render(request, "consultations/submission_private.html", context, status=403)
        response["Cache-Control"] = "no-store"
        return response
    response = render(request, "consultations/submission_private.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def discussions(request, slug: str):
    consultation = _consultation(request, slug)
    language = request.GET.get("language", "")
    if language not in Language.values:
        language = ""
    # Bounded like every other text field: a search is a few words, not a document.
    text = request.GET.get("q", "")[:200].replace("\x00", "")
    page = get_page(
        Paginator(
            selectors.discussions_of(consultation=consultation, language=language, text=text),
            DISCUSSIONS_PER_PAGE,
        ),
        request.GET.get("page"),
    )
    return render(
        request,
        "consultations/discussions.html",
        {
            "consultation": consultation,
            "page_obj": page,
            "teaser_words": TEASER_WORDS,
            "login_next": _login_links(request.get_full_path()),
            "discussion_languages": Language.choices,
            "selected_language": language,
            "search_text": text.strip(),
        },
    )


def _login_links(next_path: str) -> dict:
    query = urlencode({"next": next_path})
    return {
        "login": f"{reverse('account_login')}?{query}",
        "signup": f"{reverse('account_signup')}?{query}",
    }


def discussion(request, slug: str, pk: int):
    consultation = _consultation(request, slug)
    topic = selectors.discussion_get(consultation=consultation, pk=pk)
    newest_first = request.GET.get("order", "newest") != "oldest"
    context = {
        "consultation": consultation,
        "discussion": topic,
        "newest_first": newest_first,
        "teaser_words": TEASER_WORDS,
        "login_next": _login_links(request.get_full_path()),
    }
    if not request.user.is_authenticated:
        # Anyone sees the topic and its start; the whole thread needs an account.
        return render(request, "consultations/discussion.html", context)
    page = get_page(
        Paginator(
            selectors.discussion_comments(discussion=topic, newest_first=newest_first),
            COMMENTS_PER_PAGE,
        ),
        request.GET.get("page"),
    )
    ids = []
    for comment in page.object_list:
        ids.append(comment.pk)
        ids.extend(reply.pk for reply in comment.replies.all())
    context.update(
        page_obj=page,
        form=CommentForm(initial={"language": topic.language}),
        flagged=selectors.flagged_comment_ids(user=request.user, comment_ids=ids),
        subscribed=selectors.is_subscribed(user=request.user, discussion=topic),
    )
    return render(request, "consultations/discussion.html", context)


@login_required
@require_POST
@ratelimit("consultations-comment", "5/m", per=("user", "ip"))
def comment_create(request, slug: str, pk: int):
    consultation = _consultation(request, slug)
    topic = selectors.discussion_get(consultation=consultation, pk=pk)
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        if parent_id:
            parent = Comment.objects.filter(pk=parent_id, discussion=topic).first()
            if parent is None:
                form.add_error(None, _("The comment you answer no longer exists."))
    if form.is_valid():
        try:
            comment = services.comment_post(
                discussion=topic,
                author=request.user,
                body=form.cleaned_data["body"],
                body_format=form.cleaned_data["body_format"],
                language=form.cleaned_data["language"],
                parent=parent,
            )
        except Refusal as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your comment is posted."))
            return redirect(f"{topic.get_absolute_url()}#comment-{comment.pk}")
    return render(
        request,
        "consultations/comment_form_page.html",
        {"consultation": consultation, "discussion": topic, "form": form, "parent": parent},
        status=400,
    )


@login_required
@ratelimit("consultations-flag", "20/h", per=("user",))
def comment_flag(request, slug: str, pk: int):
    consultation = _consultation(request, slug)
    comment = get_object_or_404(
        Comment.objects.select_related("discussion", "author__profile"),
        pk=pk,
        discussion__consultation=consultation,
    )
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_flag(
                comment=comment, user=request.user, reason=form.cleaned_data["reason"]
            )
        except Refusal as exc:
            messages.info(request, exc.message)
        else:
            messages.success(request, _("Thank you. The moderators will look at this comment."))
        return redirect(f"{comment.discussion.get_absolute_url()}#comment-{comment.pk}")
    return render(
        request,
        "consultations/comment_flag.html",
        {"consultation": consultation, "comment": comment, "form": form},
    )


@login_required
@require_POST
def subscription_toggle(request, slug: str, pk: int | None = None):
    consultation = _consultation(request, slug)
    topic = selectors.discussion_get(consultation=consultation, pk=pk) if pk else None
    subscribe = request.POST.get("subscribe") == "1"
    services.subscription_set(
        user=request.user, consultation=consultation, discussion=topic, subscribed=subscribe
    )
    if subscribe:
        messages.success(request, _("You are subscribed. We will email you about new activity."))
    else:
        messages.success(request, _("You are unsubscribed."))
    return redirect(topic.get_absolute_url() if topic else consultation.get_absolute_url())


def final_brief(request, slug: str):
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    if not state.final_brief_public and not request.user.is_staff:
        return render(
            request,
            "consultations/final_brief_pending.html",
            {"consultation": consultation, "state": state},
            status=404,
        )
    return render(
        request,
        "consultations/final_brief.html",
        {
            "consultation": consultation,
            "state": state,
            "brief": selectors.final_brief(consultation=consultation),
            "preview": not state.final_brief_public,
        },
    )


@login_required
@ratelimit("consultations-nominate", "10/h", per=("user",))
def nominate(request, slug: str):
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    context = {"consultation": consultation, "state": state}
    if not selectors.nominations_open(consultation=consultation, state=state):
        status = 403 if request.method == "POST" else 200
        return render(request, "consultations/nominate_closed.html", context, status=status)
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_create(
                consultation=consultation,
                user=request.user,
                data=form.cleaned_data,
                now=timezone.now(),
            )
        except Refusal:
            return render(request, "consultations/nominate_closed.html", context, status=403)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. Your nomination is recorded."))
            return redirect(consultation.get_absolute_url())
    context["form"] = form
    return render(request, "consultations/nominate.html", context)
