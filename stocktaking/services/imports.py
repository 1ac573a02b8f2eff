"""The bulk import of legacy entries from a CSV file, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from forum.models import SDG, ActionLine
from wsis_portal.params import parse_int

from ..enums import EntryStatus
from ..models import Call, Entry, EntryActionLine, EntrySDG
from .entries import _bump_on_commit

IMPORT_COLUMNS = (
    "title",
    "description",
    "organisation",
    "stakeholder_type",
    "country",
    "action_lines",
    "sdgs",
    "start_year",
    "website",
    "contact_email",
    "success_story",
    "report_year",
)
IMPORT_MAX_ROWS = 50_000


@dataclass
class ImportResult:
    created: int
    errors: list[tuple[int, str]]


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").replace(",", ";").split(";") if part.strip()]


@transaction.atomic
def entries_import(*, file: IO[bytes], by: User) -> ImportResult:
    """Import published legacy entries from a CSV file, all or nothing.

    Every bad row is reported with its line number and the reason; when there is any,
    nothing is imported.
    """
    import csv
    import io

    from accounts.enums import StakeholderType

    try:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text)
        header = [h.strip() for h in (reader.fieldnames or [])]
    except (UnicodeDecodeError, csv.Error) as error:
        return ImportResult(0, [(1, _("The file could not be read as UTF-8 CSV: %s") % error)])
    missing = [c for c in IMPORT_COLUMNS if c not in header]
    if missing:
        return ImportResult(0, [(1, _("Missing columns: %s.") % ", ".join(missing))])
    reader.fieldnames = header
    lines = {al.code.upper(): al.pk for al in ActionLine.objects.all()}
    goals = {s.number: s.pk for s in SDG.objects.all()}
    calls: dict[int, int] = {}
    for call in Call.objects.order_by("kind"):
        calls.setdefault(call.report_year, call.pk)
    types = {t.value: t.value for t in StakeholderType}
    types.update({str(t.label).lower(): t.value for t in StakeholderType})
    now = timezone.now()
    errors: list[tuple[int, str]] = []
    parsed: list[tuple[Entry, list[int], list[int]]] = []
    try:
        for row in reader:
            line = reader.line_num
            if len(parsed) + len(errors) >= IMPORT_MAX_ROWS:
                errors.append(
                    (line, _("Too many rows: import at most %d at a time.") % IMPORT_MAX_ROWS)
                )
                break
            problems: list[str] = []
            row = {k: (v or "").strip() if isinstance(v, str) else "" for k, v in row.items() if k}
            stype = types.get(row["stakeholder_type"].lower(), row["stakeholder_type"])
            al_ids, sdg_ids = [], []
            for code in _split(row["action_lines"]):
                if code.upper() in lines:
                    al_ids.append(lines[code.upper()])
                else:
                    problems.append(_("unknown Action Line “%s”") % code)
            if not al_ids and not problems:
                problems.append(_("at least one Action Line is required"))
            for number in _split(row["sdgs"]):
                goal = parse_int(number)
                if goal in goals:
                    sdg_ids.append(goals[goal])
                else:
                    problems.append(_("unknown SDG “%s”") % number)
            call_id = None
            if row["report_year"]:
                report_year = parse_int(row["report_year"])
                if report_year in calls:
                    call_id = calls[report_year]
                else:
                    problems.append(_("no call feeds a report of year “%s”") % row["report_year"])
            start_year = parse_int(row["start_year"])
            if row["start_year"] and start_year is None:
                problems.append(_("start_year must be a year written in digits 0-9"))
            story = row["success_story"].lower()
            if story not in ("", "0", "1", "true", "false", "yes", "no"):
                problems.append(_("success_story must be yes or no"))
            entry = Entry(
                title=row["title"],
                description=row["description"],
                organisation=row["organisation"],
                stakeholder_type=stype,
                country=row["country"].upper(),
                # None when missing: full_clean below reports it as the row's problem.
                start_year=start_year,  # type: ignore[misc]
                website=row["website"],
                contact_email=row["contact_email"],
                is_success_story=story in ("1", "true", "yes"),
                call_id=call_id,
                status=EntryStatus.PUBLISHED,
                published_at=now,
                submitted_at=now,
            )
            entry.sync_region()
            try:
                entry.full_clean(exclude=["call", "submitter"])
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    problems.append(f"{name}: {' '.join(messages)}")
            if problems:
                errors.append((line, "; ".join(problems)))
            else:
                parsed.append((entry, al_ids, sdg_ids))
    except (UnicodeDecodeError, csv.Error) as error:
        errors.append((reader.line_num, _("The file could not be read as UTF-8 CSV: %s") % error))
    if not parsed and not errors:
        errors.append((2, _("The file has no rows to import.")))
    if errors:
        return ImportResult(0, errors)
    created = Entry.objects.bulk_create([item[0] for item in parsed], batch_size=1000)
    EntryActionLine.objects.bulk_create(
        [
            EntryActionLine(entry=e, action_line_id=i)
            for e, item in zip(created, parsed, strict=True)
            for i in set(item[1])
        ],
        batch_size=5000,
    )
    EntrySDG.objects.bulk_create(
        [
            EntrySDG(entry=e, sdg_id=i)
            for e, item in zip(created, parsed, strict=True)
            for i in set(item[2])
        ],
        batch_size=5000,
    )
    _bump_on_commit()
    return ImportResult(len(created), [])
