"""The one way an action says no (docs/architecture.md, "The action contract").

A service refuses by raising ``Refusal(code, message)``: a stable machine code (tests,
the API and the response mapping read it) and a translatable sentence that says why and
what to do next. A refusal carries no HTTP status: ``wsis_portal.refusal_responses`` maps
codes to responses, in one place, for every app.
"""

from __future__ import annotations

from django.utils.encoding import force_str


class Refusal(Exception):
    """A rule of the portal refuses the action.

    ``code`` is a short slug shared by every app (see ``wsis_portal.refusal_responses``);
    ``message`` is shown to the person as it is, so it is a whole sentence, translated.
    """

    def __init__(self, code: str, message) -> None:
        super().__init__(force_str(message))
        self.code = code
        self._message = message

    @property
    def message(self) -> str:
        return force_str(self._message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"Refusal({self.code!r}, {self.message!r})"
