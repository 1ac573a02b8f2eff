"""The files attached to a project: checked all together, stored all or none."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User

from ..models import ATTACHMENTS_PER_PROJECT, Project, ProjectAttachment, attachment_display_name
from ..selectors.rules import project_require_editable


def _attachments_prepare(
    *, project: Project, files: list[Any], existing: int
) -> list[ProjectAttachment]:
    """Check every new file before any is stored: the limit, then each file's type and size."""
    if existing + len(files) > ATTACHMENTS_PER_PROJECT:
        left = max(ATTACHMENTS_PER_PROJECT - existing, 0)
        raise ValidationError(
            {
                "attachments": ngettext(
                    "A project may have at most %(limit)s attachments; you can add %(left)s more.",
                    "A project may have at most %(limit)s attachments; you can add %(left)s more.",
                    left,
                )
                % {"limit": ATTACHMENTS_PER_PROJECT, "left": left}
            },
            code="too_many",
        )
    pending, problems = [], []
    for upload in files:
        attachment = ProjectAttachment(project=project, file=upload)
        try:
            attachment.full_clean(exclude=["project", "original_name", "content_type", "size"])
        except ValidationError as exc:
            for message in exc.message_dict.get("file", exc.messages):
                problems.append(
                    _("%(name)s: %(problem)s")
                    % {"name": attachment_display_name(upload.name), "problem": message}
                )
        pending.append(attachment)
    if problems:
        raise ValidationError({"attachments": problems}, code="invalid")
    return pending


def _attachments_store(*, project: Project, pending: list[ProjectAttachment]) -> None:
    """Save checked attachments inside the caller's transaction; if one fails, remove the
    files already written so that a rolled-back batch leaves nothing on the storage."""
    written: list[str] = []
    try:
        for attachment in pending:
            attachment.project = project
            attachment.save()
            written.append(attachment.file.name)
    except BaseException:
        for name in written:
            ProjectAttachment._meta.get_field("file").storage.delete(name)
        raise


def project_attachments_add(
    *, submitter: User, project: Project, files: list[UploadedFile], now: datetime | None = None
) -> list[ProjectAttachment]:
    """Add files to one's own project while the submission phase is open: all or none.

    The project row is locked so that two uploads at once cannot pass the limit together.
    """
    if not files:
        raise ValidationError({"attachments": _("Choose at least one file to attach.")})
    project_require_editable(submitter=submitter, contest=project.contest, project=project, now=now)
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        project_require_editable(
            submitter=submitter, contest=project.contest, project=locked, now=now
        )
        pending = _attachments_prepare(
            project=locked, files=files, existing=locked.attachments.count()
        )
        _attachments_store(project=locked, pending=pending)
    return pending


def project_attachment_remove(
    *, submitter: User, attachment: ProjectAttachment, now: datetime | None = None
) -> None:
    """Remove an attachment of one's own project while the submission phase is open."""
    project = attachment.project
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        project_require_editable(
            submitter=submitter, contest=project.contest, project=locked, now=now
        )
        attachment.delete()  # the file goes once committed (attachment_file_discard)


def attachment_file_discard(
    sender: type[ProjectAttachment], instance: ProjectAttachment, **kwargs: Any
) -> None:
    """post_delete of an attachment (the site, the admin or a deleted project): remove its
    file from the storage once the deletion is committed, never before."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name))
