"""The one refusal type and the one place that maps it to a response."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy

from wsis_portal.refusal_responses import RefusalMiddleware, refusal_status
from wsis_portal.refusals import Refusal


def test_refusal_carries_a_code_and_a_message_but_no_status():
    refusal = Refusal("closed", "Voting is not open.")
    assert (refusal.code, refusal.message, str(refusal)) == (
        "closed",
        "Voting is not open.",
        "Voting is not open.",
    )
    assert not hasattr(refusal, "status")


def test_refusal_message_is_translated_when_shown():
    refusal = Refusal("closed", gettext_lazy("Not allowed"))
    with translation.override("fr"):
        french, expected = refusal.message, translation.gettext("Not allowed")
    assert refusal.message == "Not allowed"
    assert french == expected and isinstance(french, str)


def test_statuses_follow_the_code():
    assert refusal_status(Refusal("closed", "x")) == 403
    assert refusal_status(Refusal("not_owner", "x")) == 403
    assert refusal_status(Refusal("already_voted", "x")) == 409
    assert refusal_status(Refusal("frozen", "x")) == 400
    assert refusal_status(Refusal("already_voted", "x"), preview=True) == 403


def test_an_uncaught_refusal_becomes_the_refused_page(rf, db):
    def view(request):
        raise Refusal("already_voted", "You have already voted in this category.")

    middleware = RefusalMiddleware(lambda request: HttpResponse())
    request = rf.get("/")
    request.user = AnonymousUser()
    try:
        view(request)
    except Refusal as refusal:
        response = middleware.process_exception(request, refusal)
    assert response.status_code == 409
    assert "You have already voted in this category." in response.content.decode()
    assert middleware.process_exception(request, ValueError("bug")) is None
