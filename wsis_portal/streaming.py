"""Streamed responses that say so when they fail halfway.

Once a streamed response has sent its headers (200) the status can no longer change; a
failure while producing the body (a database error, a lost connection to it) would just cut
the file short, and a cut CSV looks complete. So the stream ends with a marker instead: a
last CSV line that says the export failed, or JSON that no parser accepts. The error is
logged with the name of the export.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

logger = logging.getLogger("wsis_portal.exports")


def guarded(chunks: Iterable[str], *, failure: str, name: str) -> Iterator[str]:
    """``chunks``, then ``failure`` (after logging the error) if producing them raises."""
    try:
        yield from chunks
    except Exception:  # any failure: the body must say it is incomplete
        logger.exception("export %s failed after its headers were sent", name)
        yield failure
