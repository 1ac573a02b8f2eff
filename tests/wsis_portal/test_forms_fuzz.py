"""hypothesis over every public form of the portal, through its real page: generated input
gives a valid save or field errors, never an exception, and a refused form stores nothing
(issue 10, "Keep attacking in CI").

Each form starts from valid data; hypothesis replaces or drops fields with generated and
hostile values (odd Unicode digits, huge numbers, NUL bytes, overlong text, markup, wrong
choices). The examples are derandomised and bounded so CI stays fast; set
HYPOTHESIS_PROFILE=attack for a longer, random run.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django import forms
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.roles import EXPERT_GROUP
from prizes.enums import PhaseKind, ProjectStatus
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    DiscussionFactory,
    consultation_with_phases,
)
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.wsis_portal import test_cache_down as cases
from tests.wsis_portal.public_forms import portal_form_classes
from tests.wsis_portal.test_cache_down import _rows

pytestmark = pytest.mark.django_db

settings.register_profile(
    "ci",
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "attack",
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "٣",
    "9" * 30,
    "-1",
    "0",
    "1e400",
    "x" * 301,
    "y" * 12000,
    '=HYPERLINK("http://evil")',
    "<script>alert(1)</script>",
    "'; DROP TABLE accounts_user; --",
    "\u202egnp.exe",
    "😀" * 50,
]


def _text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=60))


def _field_values(field: forms.Field, valid) -> st.SearchStrategy:
    """Values for one field: its valid value, a hostile one, or absent (None)."""
    options = [st.just(valid), st.none(), _text()]
    if isinstance(field, forms.IntegerField):
        options.append(st.integers(min_value=-(10**25), max_value=10**25).map(str))
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = [str(value) for value, _label in field.choices if value != ""]
        if choices:
            options.append(st.sampled_from(choices))
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        options.append(st.lists(_text(), max_size=3))
    if isinstance(field, forms.FileField):
        options = [
            st.none(),
            st.builds(
                lambda name, content: SimpleUploadedFile(name, content),
                st.sampled_from(["a.pdf", "b.png", "c.exe", "..\\..\\x.jpg", "\u202eexe.pdf"]),
                st.binary(max_size=2048),
            ),
        ]
    return st.one_of(*options)


def _post_data(form_class, valid: dict) -> st.SearchStrategy[dict]:
    fields = form_class.base_fields
    names = sorted(set(fields) | set(valid))
    strategies = {
        name: _field_values(fields[name], valid.get(name))
        if name in fields
        else st.just(valid[name])
        for name in names
    }
    return st.fixed_dictionaries(strategies).map(
        lambda data: {k: v for k, v in data.items() if v is not None}
    )


# --- one page per public form: (client, url, valid data) ------------------------------------


def flag_case():
    topic = DiscussionFactory(consultation=consultation_with_phases())
    comment = CommentFactory(discussion=topic)
    url = reverse("consultations:comment_flag", args=[topic.consultation.slug, comment.pk])
    return cases._signed_in(), url, {"reason": "Off topic"}


def lost_link_case():
    consultation = consultation_with_phases()
    url = reverse("consultations:submission_lost_link", args=[consultation.slug])
    return cases._anonymous(), url, {"email": "amina@example.org"}


def nomination_case():
    consultation = consultation_with_phases(nominations_deadline=timezone.now() + timedelta(days=2))
    data = {
        "nominee_name": "Dr Jane Doe",
        "nominee_email": "jane@example.org",
        "organisation": "Civil Society Coordination Mechanism",
        "stakeholder_group": "civil_society",
        "justification": "Experienced moderator of WSIS sessions.",
    }
    url = reverse("consultations:nominate", args=[consultation.slug])
    return cases._signed_in(), url, data


def attachments_case():
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    owner = StakeholderFactory()
    project = ProjectFactory(contest=contest, submitter=owner, status=ProjectStatus.DRAFT)
    url = reverse("prizes:attachment_add", args=[contest.year, project.pk])
    return cases._signed_in(owner), url, {}


def score_case():
    from prizes.models import ContestPhase, ExpertAssignment

    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    project = ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION)
    expert = UserFactory(groups=[EXPERT_GROUP])
    assignment = ExpertAssignment.objects.create(contest=contest, expert=expert)
    assignment.categories.add(category(contest, "C1"))
    url = reverse("prizes:review_score", args=[contest.year, project.pk])
    client = Client()
    client.force_login(expert)
    prefix = f"p{project.pk}-"
    return client, url, {prefix + "score": "7", prefix + "comment": "Good"}, prefix


def outcome_report_case():
    from tests.factories.forum import action_line, sdg
    from tests.factories.forum_outcomes import OutcomeCallFactory, SessionOwnerFactory
    from tests.factories.forum_programme import SessionFactory

    session = SessionFactory(
        starts_at=datetime(2027, 1, 20, 9, 0, tzinfo=UTC),
        ends_at=datetime(2027, 1, 20, 10, 0, tzinfo=UTC),
    )
    OutcomeCallFactory(
        edition=session.edition,
        reminder_at=datetime(2027, 2, 20, tzinfo=UTC),
        due_at=datetime(2027, 3, 1, tzinfo=UTC),
    )
    owner = SessionOwnerFactory(session=session).user
    url = reverse("forum:outcome_report", args=[session.edition.year, session.pk])
    data = {
        "key_messages": "Connectivity first.",
        "recommendations": "Fund community networks.",
        "action_lines": [str(action_line("C2").pk)],
        "sdgs": [str(sdg(9).pk)],
        "slides_url": "https://example.org/slides.pdf",
        "recording_url": "",
    }
    return cases._signed_in(owner), url, data


def signup_case():
    client, url, data = cases.signup_case()
    data.update(
        full_name="Amina Diallo",
        organisation_name="ICT Observatory",
        organisation_country="SN",
        stakeholder_type="civil_society",
    )
    return client, url, data


PUBLIC_FORMS = {
    "accounts.forms.ProfileForm": cases.profile_case,
    "accounts.forms.SignupProfileForm": signup_case,
    "consultations.forms.CommentForm": cases.comment_case,
    "consultations.forms.FlagForm": flag_case,
    "consultations.forms.LostLinkForm": lost_link_case,
    "consultations.forms.NominationForm": nomination_case,
    "consultations.forms.SubmissionForm": cases.consultation_submit_case,
    "forum.forms.RegistrationForm": cases.forum_registration_case,
    "forum.outcomes.forms.OutcomeReportForm": outcome_report_case,
    "prizes.forms.AttachmentsForm": attachments_case,
    "prizes.forms.ProjectForm": cases.prize_submit_case,
    "prizes.forms.ScoreForm": score_case,
    "stocktaking.forms.EntryForm": cases.stocktaking_case,
    "ungis.forms.AgencyProfileForm": cases.ungis_edit_case,
}
# Forms only staff reach, inside the admin (covered by the admin tests and the role matrix).
STAFF_FORMS = {
    "consultations.forms.ModerationReasonForm",
    "stocktaking.forms.DecisionForm",
    "stocktaking.forms.ImportForm",
}


def _name(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def test_every_form_of_the_portal_is_attacked_or_staff_only():
    found = {_name(cls) for cls in portal_form_classes()}
    assert found == set(PUBLIC_FORMS) | STAFF_FORMS


@pytest.mark.parametrize("form_name", sorted(PUBLIC_FORMS))
def test_generated_input_saves_or_gives_field_errors(form_name):
    form_class = {_name(cls): cls for cls in portal_form_classes()}[form_name]
    with time_machine.travel(datetime(2027, 2, 1, 12, 0, tzinfo=UTC), tick=False):
        made = PUBLIC_FORMS[form_name]()
        client, url, valid = made[:3]
        prefix = made[3] if len(made) > 3 else ""
        valid = {k.removeprefix(prefix): v for k, v in valid.items()}

        @settings(settings.get_profile(PROFILE))
        @given(data=_post_data(form_class, valid))
        def attack(data):
            cache.clear()  # rate limits would otherwise answer every later example
            before = _rows()
            response = client.post(url, {prefix + k: v for k, v in data.items()})
            assert response.status_code < 500
            if response.status_code not in (301, 302, 303):
                assert _rows() == before, f"refused ({response.status_code}) but stored"

        attack()
