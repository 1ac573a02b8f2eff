"""Checks for uploaded files: size, extension and actual content, and server-made names."""

from __future__ import annotations

import os
import uuid
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


@deconstructible
class UploadValidator:
    """Accept a file only if its extension is allowed, its bytes match it, and it is small enough."""

    def __init__(self, allowed: dict[str, str], max_bytes: int) -> None:
        self.allowed = allowed
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        if upload.size > self.max_bytes:
            raise ValidationError(
                _("The file is too large (%(size)s MB). The limit is %(limit)s MB."),
                code="file_too_large",
                params={
                    "size": round(upload.size / 1_048_576, 1),
                    "limit": round(self.max_bytes / 1_048_576, 1),
                },
            )
        extension = PurePath(upload.name).suffix.lower().lstrip(".")
        allowed_list = ", ".join(sorted(self.allowed))
        if extension not in self.allowed:
            raise ValidationError(
                _("Files of this type are not accepted. Allowed types: %(types)s."),
                code="file_type",
                params={"types": allowed_list},
            )
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(8192)
        upload.seek(position)
        kind = filetype.guess(head)
        if kind is None or kind.mime != self.allowed[extension]:
            raise ValidationError(
                _("The file's content does not match its .%(ext)s extension."),
                code="file_content",
                params={"ext": extension},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator) and (self.allowed, self.max_bytes) == (
            other.allowed,
            other.max_bytes,
        )


@deconstructible
class ServerName:
    """upload_to callable: keep only the extension; the name is made by the server."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        extension = PurePath(filename).suffix.lower()[:8]
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other) -> bool:
        return isinstance(other, ServerName) and self.folder == other.folder


class PrivateStorage(FileSystemStorage):
    """Storage under PRIVATE_MEDIA_ROOT (read when used, so tests can move it), with no URL:
    its files reach people only through views that check who may read them."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage() -> FileSystemStorage:
    return PrivateStorage()


class UploadTooLarge(Exception):
    """A request body or one of its files passed the size limit; it was not read further."""


class SizeLimitUploadHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: stops reading an upload as soon as it passes the limit.

    Django reads a multipart body whole (to memory or a temporary file) before any form
    validator can look at a file's size. This handler refuses a body whose declared length
    exceeds ``MAX_REQUEST_SIZE`` before reading any of it, and aborts a file as soon as its
    received bytes pass ``MAX_UPLOAD_FILE_SIZE`` (the largest file any form accepts), so the
    rest of the file is never written anywhere. ``RequestGuardMiddleware`` answers 413.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > settings.MAX_REQUEST_SIZE:
            raise UploadTooLarge(content_length)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_FILE_SIZE:
            # StopUpload makes the parser close (and so delete) the partial file and leave
            # the rest of the body unread; the flag tells the middleware to answer 413.
            if self.request is not None:
                self.request.upload_too_large = True  # type: ignore[attr-defined]
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None
