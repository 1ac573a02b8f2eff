import re
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import SECRETARIAT
from consultations.admin import CommentAdmin
from consultations.models import Comment, CommentFlag
from consultations.services import comment_hide, comment_post, comment_unhide
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    DiscussionFactory,
    consultation_with_phases,
)
from tests.support.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    consultation = consultation_with_phases()
    return DiscussionFactory(consultation=consultation)


def topic_url(topic, **query):
    url = reverse("consultations:discussion", args=[topic.consultation.slug, topic.pk])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def post_url(topic):
    return reverse("consultations:comment_create", args=[topic.consultation.slug, topic.pk])


def test_anonymous_sees_topics_and_start_but_not_the_thread(client, topic):
    CommentFactory(discussion=topic, body="Secret thread content")
    listing = client.get(reverse("consultations:discussions", args=[topic.consultation.slug]))
    html = listing.content.decode()
    assert topic.title in html
    assert "word0" in html and "word99" not in html  # the start of the topic only
    page = client.get(topic_url(topic))
    html = page.content.decode()
    assert page.status_code == 200
    assert topic.title in html
    assert "Secret thread content" not in html
    assert "word99" not in html
    assert "/accounts/login/?next=" in html and "/accounts/signup/?next=" in html
    assert (
        f"next=%2Fconsultations%2F{topic.consultation.slug}%2Fdiscussions%2F{topic.pk}%2F" in html
    )
    assert 'name="body"' not in html


def test_anonymous_cannot_post(client, topic):
    response = client.post(
        post_url(topic), {"body": "hi", "body_format": "plain", "language": "en"}
    )
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Comment.objects.count() == 0


def test_signed_in_reads_whole_thread_and_posts(stakeholder_client, topic):
    CommentFactory(discussion=topic, body="Visible thread content")
    html = stakeholder_client.get(topic_url(topic)).content.decode()
    assert "Visible thread content" in html and "word99" in html
    response = stakeholder_client.post(
        post_url(topic), {"body": "My view", "body_format": "plain", "language": "fr"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get(body="My view")
    assert comment.author == stakeholder_client.user and comment.language == "fr"


def test_ordering_newest_or_oldest(stakeholder_client, topic):
    now = timezone.now()
    CommentFactory(discussion=topic, body="First said", created_at=now - timedelta(hours=2))
    CommentFactory(discussion=topic, body="Last said", created_at=now - timedelta(hours=1))
    newest = stakeholder_client.get(topic_url(topic)).content.decode()
    assert newest.index("Last said") < newest.index("First said")
    oldest = stakeholder_client.get(topic_url(topic, order="oldest")).content.decode()
    assert oldest.index("First said") < oldest.index("Last said")


def test_replies_are_one_level_deep(topic):
    author = StakeholderFactory()
    top = comment_post(
        discussion=topic, author=author, body="Top", body_format="plain", language="en"
    )
    reply = comment_post(
        discussion=topic,
        author=author,
        body="Reply",
        body_format="plain",
        language="en",
        parent=top,
    )
    with pytest.raises(ValidationError):
        comment_post(
            discussion=topic,
            author=author,
            body="Too deep",
            body_format="plain",
            language="en",
            parent=reply,
        )
    # The model refuses it too, whoever saves it.
    deep = Comment(discussion=topic, author=author, body="x", parent=reply)
    with pytest.raises(ValidationError):
        deep.full_clean()


def test_reply_shown_under_its_comment(stakeholder_client, topic):
    top = CommentFactory(discussion=topic, body="Top comment")
    response = stakeholder_client.post(
        post_url(topic),
        {"body": "An answer", "body_format": "plain", "language": "en", "parent": top.pk},
    )
    assert response.status_code == 302
    assert Comment.objects.get(body="An answer").parent == top


def test_closed_discussion_refuses_comments(stakeholder_client, topic):
    topic.status = "closed"
    topic.save()
    response = stakeholder_client.post(
        post_url(topic), {"body": "Late", "body_format": "plain", "language": "en"}
    )
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("body_format", ["plain", "markdown"])
def test_nothing_a_user_writes_can_run_script(stakeholder_client, topic, body_format):
    body = (
        "<script>alert('x')</script>\n\n"
        "[click](javascript:alert(1))\n\n"
        '<img src="x" onerror="alert(2)">\n\n'
        '<a href="https://ok.example.org" onclick="alert(3)">ok</a> **bold**'
    )
    stakeholder_client.post(
        post_url(topic), {"body": body, "body_format": body_format, "language": "en"}
    )
    comment = Comment.objects.get()
    html = stakeholder_client.get(topic_url(topic)).content.decode()
    start = html.index(f'id="comment-{comment.pk}"')
    rendered = html[start : html.index("</article>", start)]
    lowered = rendered.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    # No tag carries an event handler or a javascript: URL; as escaped text they are harmless.
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered)
    assert not re.search(r"<[a-z][^>]*(href|src)\s*=\s*[\"']?\s*javascript:", lowered)
    if body_format == "markdown":
        assert "<strong>bold</strong>" in rendered
        assert 'rel="nofollow ugc noopener noreferrer"' in rendered


def test_posting_is_rate_limited(rate_minute_start, stakeholder_client, topic):
    codes = [
        stakeholder_client.post(
            post_url(topic), {"body": f"Comment {i}", "body_format": "plain", "language": "en"}
        ).status_code
        for i in range(7)
    ]
    assert codes[:5] == [302] * 5
    assert codes[5] == 429
    assert Comment.objects.count() == 5


def test_signed_in_user_flags_a_comment_once(stakeholder_client, topic):
    comment = CommentFactory(discussion=topic)
    url = reverse("consultations:comment_flag", args=[topic.consultation.slug, comment.pk])
    assert stakeholder_client.get(url).status_code == 200
    stakeholder_client.post(url, {"reason": "spam"})
    stakeholder_client.post(url, {"reason": "spam again"})
    comment.refresh_from_db()
    assert comment.flag_count == 1
    assert CommentFlag.objects.count() == 1


def test_anonymous_cannot_flag(client, topic):
    comment = CommentFactory(discussion=topic)
    url = reverse("consultations:comment_flag", args=[topic.consultation.slug, comment.pk])
    assert client.post(url, {"reason": "x"}).status_code == 302
    assert CommentFlag.objects.count() == 0


def test_hide_needs_a_reason_and_replaces_the_text(stakeholder_client, topic):
    secretary = UserFactory(is_staff=True, groups=[SECRETARIAT])
    comment = CommentFactory(discussion=topic, body="Offensive words")
    with refused("reason"):
        comment_hide(comment=comment, by=secretary, reason=" ")
    assert comment_hide(comment=comment, by=secretary, reason="Breaks the code of conduct")
    html = stakeholder_client.get(topic_url(topic)).content.decode()
    assert "Offensive words" not in html
    assert "Breaks the code of conduct" in html
    assert comment_unhide(comment=comment, by=secretary, reason="Reviewed again")
    html = stakeholder_client.get(topic_url(topic)).content.decode()
    assert "Offensive words" in html


def test_admin_hide_action_asks_for_reason_first(rf, topic):
    secretary = UserFactory(is_staff=True, is_superuser=True)
    comment = CommentFactory(discussion=topic)
    admin = CommentAdmin(Comment, site)

    def request(data):
        req = rf.post("/admin/consultations/comment/", data)
        req.user = secretary
        req.session = {}
        req._messages = FallbackStorage(req)
        return req

    queryset = Comment.objects.filter(pk=comment.pk)
    page = admin.hide_comments(request({"action": "hide_comments"}), queryset)
    assert page.status_code == 200  # the intermediate form
    comment.refresh_from_db()
    assert not comment.is_hidden
    admin.hide_comments(request({"apply": "1", "reason": "Spam"}), queryset)
    comment.refresh_from_db()
    assert comment.is_hidden and comment.moderation_reason == "Spam"
    assert comment.moderated_by == secretary
    admin.unhide_comments(request({"apply": "1", "reason": "Appeal accepted"}), queryset)
    comment.refresh_from_db()
    assert not comment.is_hidden and comment.moderation_reason == "Appeal accepted"


def test_admin_moderation_through_the_changelist(admin_client, topic):
    comment = CommentFactory(discussion=topic)
    url = "/admin/consultations/comment/"
    page = admin_client.post(url, {"action": "hide_comments", "_selected_action": [comment.pk]})
    assert page.status_code == 200 and b"Reason" in page.content
    admin_client.post(
        url,
        {
            "action": "hide_comments",
            "_selected_action": [comment.pk],
            "apply": "1",
            "reason": "Off topic",
        },
    )
    comment.refresh_from_db()
    assert comment.is_hidden


def _fill(topic, n):
    for i in range(n):
        top = CommentFactory(discussion=topic)
        CommentFactory(discussion=topic, parent=top, author=StakeholderFactory())
        CommentFactory(discussion=topic, parent=top, author=StakeholderFactory())
        if i == 0:
            top.is_hidden = True
            top.save()


def test_discussion_page_query_budget(stakeholder_client, topic, django_assert_max_num_queries):
    _fill(topic, 1)
    stakeholder_client.get(topic_url(topic))  # warm the session and caches
    with django_assert_max_num_queries(14) as one:
        stakeholder_client.get(topic_url(topic))
    _fill(topic, 2)
    with django_assert_max_num_queries(14) as three:
        stakeholder_client.get(topic_url(topic))
    assert len(one.captured_queries) == len(three.captured_queries)


def test_discussion_list_query_budget(client, django_assert_max_num_queries):
    consultation = consultation_with_phases()
    url = reverse("consultations:discussions", args=[consultation.slug])
    CommentFactory(discussion=DiscussionFactory(consultation=consultation))
    with django_assert_max_num_queries(6) as one:
        client.get(url)
    for _ in range(2):
        CommentFactory(discussion=DiscussionFactory(consultation=consultation))
    with django_assert_max_num_queries(6) as three:
        client.get(url)
    assert len(one.captured_queries) == len(three.captured_queries)


def test_discussion_list_filters_by_language(client):
    consultation = consultation_with_phases()
    DiscussionFactory(consultation=consultation, title="English topic", language="en")
    DiscussionFactory(consultation=consultation, title="Sujet en français", language="fr")
    url = reverse("consultations:discussions", args=[consultation.slug])
    html = client.get(url + "?language=fr").content.decode()
    assert "Sujet en français" in html and "English topic" not in html
    html = client.get(url + "?language=xx").content.decode()
    assert "Sujet en français" in html and "English topic" in html


def test_admin_lists_flagged_comments(admin_client, topic):
    flagged = CommentFactory(discussion=topic, body="Flagged one", flag_count=2)
    CommentFactory(discussion=topic, body="Quiet one")
    html = admin_client.get("/admin/consultations/comment/?flagged=yes").content.decode()
    assert "Flagged one" in html and "Quiet one" not in html
    assert admin_client.get(f"/admin/consultations/comment/{flagged.pk}/change/").status_code == 200


def test_reply_to_a_hidden_comment_is_refused(topic):
    secretary = UserFactory(is_staff=True)
    top = CommentFactory(discussion=topic)
    comment_hide(comment=top, by=secretary, reason="Spam")
    top.refresh_from_db()
    with pytest.raises(ValidationError):
        comment_post(
            discussion=topic,
            author=StakeholderFactory(),
            body="Answer",
            body_format="plain",
            language="en",
            parent=top,
        )


def test_reply_to_a_comment_of_another_discussion_is_refused(stakeholder_client, topic):
    elsewhere = CommentFactory()
    response = stakeholder_client.post(
        post_url(topic),
        {"body": "Answer", "body_format": "plain", "language": "en", "parent": elsewhere.pk},
    )
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Answer").exists()
