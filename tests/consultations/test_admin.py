import pytest

from tests.factories.consultations import (
    CommentFactory,
    SubmissionFactory,
    SubscriptionFactory,
    consultation_with_phases,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["consultation", "submission", "discussion", "comment", "subscription", "nomination"]
)
def test_admin_changelists_render(admin_client, model):
    consultation = consultation_with_phases()
    SubmissionFactory(consultation=consultation)
    CommentFactory()
    SubscriptionFactory()
    assert admin_client.get(f"/admin/consultations/{model}/").status_code == 200


def test_admin_change_pages_render(admin_client):
    consultation = consultation_with_phases()
    submission = SubmissionFactory(consultation=consultation)
    assert (
        admin_client.get(f"/admin/consultations/consultation/{consultation.pk}/change/").status_code
        == 200
    )
    assert admin_client.get("/admin/consultations/consultation/add/").status_code == 200
    page = admin_client.get(f"/admin/consultations/submission/{submission.pk}/change/")
    assert page.status_code == 200
    assert submission.edit_token_hash not in page.content.decode()
    assert admin_client.get("/admin/consultations/discussion/add/").status_code == 200


def test_nomination_csv_export_escapes_formulas(admin_client):
    from consultations.models import Nomination

    consultation = consultation_with_phases()
    nomination = Nomination.objects.create(
        consultation=consultation,
        nominee_name="+Jane Doe",
        organisation="Coordination mechanism",
        stakeholder_group="academia",
        justification="@moderator of many sessions",
    )
    response = admin_client.post(
        "/admin/consultations/nomination/",
        {"action": "export_csv", "_selected_action": [nomination.pk]},
    )
    body = b"".join(response.streaming_content).decode()
    assert "'+Jane Doe" in body and "'@moderator" in body


def test_secretariat_member_hides_a_comment_in_the_admin(client):
    from accounts.roles import SECRETARIAT
    from tests.factories.accounts import UserFactory

    secretary = UserFactory(is_staff=True, groups=[SECRETARIAT])
    client.force_login(secretary)
    comment = CommentFactory()
    url = "/admin/consultations/comment/"
    assert client.get(url).status_code == 200
    client.post(
        url,
        {
            "action": "hide_comments",
            "_selected_action": [comment.pk],
            "apply": "1",
            "reason": "Personal attack",
        },
    )
    comment.refresh_from_db()
    assert comment.is_hidden and comment.moderated_by == secretary
