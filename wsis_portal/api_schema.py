"""The open-data API's OpenAPI schema, generated once per process, language and API version.

drf-spectacular's generator keeps state on shared objects while it walks the views, so two
threads generating at once (gunicorn's gthread workers, as production runs) can break each
other's run: a 500 for one request in twenty at 4 clients in bench/pages.py
(tfranzel/drf-spectacular#1123 and #1368 describe the race). The schema changes only with the
code, so it is generated under a lock, once, and served from memory afterwards.
"""

from __future__ import annotations

import threading
from typing import Any

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.request import Request
from rest_framework.response import Response

_lock = threading.Lock()
_schemas: dict[tuple[str | None, str | None], dict[str, Any]] = {}


class SchemaView(SpectacularAPIView):
    def _get_schema_response(self, request: Request) -> Response:
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (translation.get_language(), version)
        schema = _schemas.get(key)
        if schema is None:
            with _lock:
                schema = _schemas.get(key)
                if schema is None:
                    generator = self.generator_class(
                        urlconf=self.urlconf, api_version=version, patterns=self.patterns
                    )
                    schema = generator.get_schema(request=request, public=self.serve_public)
                    _schemas[key] = schema
        return Response(
            data=schema,
            headers={
                "Content-Disposition": f'inline; filename="{self._get_filename(request, version)}"'
            },
        )


def forget_schemas() -> None:
    """Drop the generated schemas (tests that change what the API exposes)."""
    with _lock:
        _schemas.clear()
