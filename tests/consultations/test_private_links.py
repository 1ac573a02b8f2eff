"""Private submission links: kept out of logs, not revoked by a request, expiring after close."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
from datetime import timedelta
from urllib.request import urlopen

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from consultations.models import Submission
from tests.conftest import ROOT, database_url
from tests.consultations.test_submissions import (
    confirm_address,
    form_data,
    private_link_from,
    submit_url,
)
from tests.factories.consultations import consultation_with_phases
from wsis_portal.logmask import MaskSecretsFilter, mask_secrets

pytestmark = pytest.mark.django_db


def _submit(client, capture, consultation=None):
    consultation = consultation or consultation_with_phases()
    with capture(execute=True):
        client.post(submit_url(consultation), form_data())
    link = private_link_from(mail.outbox[-1].body)
    confirm_address(client, link)
    return consultation, link, link.rstrip("/").rsplit("/", 1)[1]


def _last_phase_end(consultation):
    return consultation.phases.order_by("-number").first().ends_at


# --- a new link does not revoke the current one until it is used -------------------------


def test_asking_for_a_new_link_keeps_the_current_one_working_until_the_new_one_is_opened(
    client, django_capture_on_commit_callbacks
):
    consultation, old_link, _ = _submit(client, django_capture_on_commit_callbacks)
    url = reverse("consultations:submission_lost_link", args=[consultation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "amina@example.org"})
    new_link = private_link_from(mail.outbox[-1].body)
    assert new_link != old_link
    # Anyone can ask with the address: the owner's link keeps working meanwhile.
    assert client.get(old_link).status_code == 200
    assert client.get(old_link).status_code == 200
    # Opening the new link makes it the current one; only then does the old one stop.
    assert client.get(new_link).status_code == 200
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200
    assert Submission.objects.get().pending_token_hash is None


def test_a_second_request_replaces_the_pending_link_not_the_current_one(
    client, django_capture_on_commit_callbacks
):
    consultation, current, _ = _submit(client, django_capture_on_commit_callbacks)
    url = reverse("consultations:submission_lost_link", args=[consultation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "amina@example.org"})
    first_new = private_link_from(mail.outbox[-1].body)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "amina@example.org"})
    second_new = private_link_from(mail.outbox[-1].body)
    assert client.get(first_new).status_code == 404
    assert client.get(current).status_code == 200
    assert client.get(second_new).status_code == 200
    assert client.get(current).status_code == 404


# --- read access ends a set time after the consultation closes -----------------------------


def test_private_link_opens_until_90_days_after_close_then_says_it_has_expired(
    client, settings, django_capture_on_commit_callbacks
):
    assert settings.CONSULTATION_LINK_DAYS_AFTER_CLOSE == 90
    consultation, link, _ = _submit(client, django_capture_on_commit_callbacks)
    closed = _last_phase_end(consultation)
    with time_machine.travel(closed + timedelta(days=89), tick=False):
        assert client.get(link).status_code == 200
    with time_machine.travel(closed + timedelta(days=90, seconds=1), tick=False):
        response = client.get(link)
    assert response.status_code == 410
    body = response.content.decode()
    assert "This private link has expired" in body
    assert "90 days after it closes" in body
    # Nothing of the submission is shown any more.
    assert "Amina Diallo" not in body and "amina@example.org" not in body
    assert "+221" not in body


def test_the_expiry_delay_is_a_setting(client, settings, django_capture_on_commit_callbacks):
    settings.CONSULTATION_LINK_DAYS_AFTER_CLOSE = 10
    consultation, link, _ = _submit(client, django_capture_on_commit_callbacks)
    with time_machine.travel(_last_phase_end(consultation) + timedelta(days=11), tick=False):
        assert client.get(link).status_code == 410


# --- tokens never reach a log --------------------------------------------------------------


@pytest.fixture
def console_output():
    """What the root console handler of settings.LOGGING writes, during the test."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler)
        and any(isinstance(f, MaskSecretsFilter) for f in h.filters)
    )
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(old)


def test_django_logs_of_requests_with_a_token_show_no_token(
    client, caplog, console_output, django_capture_on_commit_callbacks
):
    consultation, link, token = _submit(client, django_capture_on_commit_callbacks)
    caplog.set_level(logging.INFO)
    wrong = link.replace(token, token[:-4] + "abcd")
    assert client.get(wrong).status_code == 404  # "Not Found: …"
    with time_machine.travel(consultation.phases.order_by("-number").first().starts_at, tick=False):
        assert client.post(link, form_data()).status_code == 403  # "Forbidden: …"
    logged = caplog.text + console_output.getvalue()
    assert "Not Found:" in logged and "Forbidden:" in logged
    assert token not in logged and token[:-4] not in logged
    assert "/submissions/[masked]" in logged


def test_mask_secrets_covers_every_secret_path():
    lines = [
        "GET /consultations/wsis-2027/submissions/AbC_-123xyz/ HTTP/1.1",
        "/fr/consultations/wsis-2027/confirm/AbC_-123xyz/?next=1",
        "/accounts/confirm-email/AbC_-123xyz/",
        "/accounts/password/reset/key/1a-AbC_-123xyz/",
        "Referer: https://portal.example/consultations/x/submissions/AbC_-123xyz/",
    ]
    for line in lines:
        masked = mask_secrets(line)
        assert "AbC_-123xyz" not in masked and "[masked]" in masked, masked


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _web_command(port: int) -> list[str]:
    """The Dockerfile's gunicorn command, on a local port with one worker (the bind address
    and worker count come from the environment, read by wsis_portal/gunicorn_conf.py)."""
    line = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD ")
    )
    return [*json.loads(line[4:]), "--bind", f"127.0.0.1:{port}", "--workers", "1"]


def test_compose_runs_gunicorn_with_the_same_log_settings_as_the_dockerfile():
    compose = (ROOT / "docker-compose.yml").read_text()
    assert '"--config", "python:wsis_portal.gunicorn_conf"' in compose
    assert "python:wsis_portal.gunicorn_conf" in _web_command(8000)


@pytest.mark.usefixtures("transactional_db", "postgres")
def test_gunicorn_access_and_error_logs_mask_the_token(client, tmp_path):
    """The real web command of the Dockerfile, with its config, serving a private link."""
    consultation = consultation_with_phases()
    client.post(submit_url(consultation), form_data())
    link = private_link_from(mail.outbox[-1].body)
    token = link.rstrip("/").rsplit("/", 1)[1]

    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_portal.test_settings",
        "DATABASE_URL": database_url(),
    }
    with log.open("w") as handle:
        server = subprocess.Popen(
            [sys.executable, "-m", *_web_command(port)],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urlopen(base + link) as response:
                    assert response.status == 200
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        try:
            urlopen(base + link.replace(token, "x" + token[1:]))
        except OSError as error:
            assert getattr(error, "code", None) == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
    output = log.read_text()
    # One JSON object per line (DJANGO_LOG_FORMAT defaults to json in production mode).
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    access = [r for r in records if r["logger"] == "gunicorn.access"]
    assert any(
        re.fullmatch(r"/consultations/[^ ]+/submissions/\[masked\]/", r["path"])
        and r["status"] == 200
        and r["request_id"]
        for r in access
    ), access
    assert "Not Found: /consultations/" in output
    assert token not in output and token[1:] not in output, output
