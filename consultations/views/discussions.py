"""The online discussions: topics, comments, flags and subscriptions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wsis_portal.params import get_page
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusals import Refusal

from .. import selectors, services
from ..enums import Language
from ..forms import CommentForm, FlagForm
from .pages import _consultation

COMMENTS_PER_PAGE = 20
DISCUSSIONS_PER_PAGE = 20
TEASER_WORDS = 40


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
            parent = selectors.comment_reply_target(discussion=topic, pk=parent_id)
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
    comment = selectors.comment_of_consultation(consultation=consultation, pk=pk)
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
