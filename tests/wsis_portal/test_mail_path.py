"""Mail leaves the portal one way: an outbox message, delivered through the send-once ledger."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "consultations", "forum", "prizes", "stocktaking", "ungis", "wsis_portal"]
# Ways to send an email or to queue work "after commit and hope" (issue 11).
FORBIDDEN = re.compile(
    r"(?<!def )\b(send_mail|send_mass_mail|mail_admins|mail_managers)\(|"
    r"\bEmail(Multi\w*|Message)\(|\.delay_on_commit\(|on_commit\([^)]*\.delay"
)


def _sources():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_only_the_ledger_sends_mail_and_nothing_is_queued_on_commit():
    offenders = []
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if FORBIDDEN.search(line) and relative != "wsis_portal/mail.py":
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_catches_what_it_is_meant_to():
    assert FORBIDDEN.search("        send_mail(subject, body, None, [to])")
    assert FORBIDDEN.search("    task.delay_on_commit(pk)")
    assert FORBIDDEN.search("transaction.on_commit(lambda: notify.delay(pk))")
    assert not FORBIDDEN.search("    def send_mail(self, template_prefix, email, context):")
    assert not FORBIDDEN.search("    outbox.add(purpose=RECEIPT, obj=project)")
