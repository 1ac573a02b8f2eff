"""Assert that an action is refused, and for which rule (the refusal's code)."""

from __future__ import annotations

import contextlib
import re

import pytest

from wsis_portal.refusals import Refusal

# The refusals that say the person may not act (they were ``prizes.exceptions.NotAllowed``).
NOT_ALLOWED = ("unverified", "not_owner", "locked", "not_assigned", "not_champion")


@contextlib.contextmanager
def refused(code: str | tuple[str, ...] | None = None, match: str | None = None):
    """Like ``pytest.raises(Refusal, match=...)``, and the refusal has ``code`` (or one of
    the codes) when given."""
    with pytest.raises(Refusal) as info:
        yield info
    if code is not None:
        codes = (code,) if isinstance(code, str) else code
        assert info.value.code in codes, f"refused with {info.value.code!r}, not {codes!r}"
    if match is not None:
        assert re.search(match, info.value.message), info.value.message
