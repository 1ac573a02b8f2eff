"""Refusals of the contest's rules, with sentences a person can act on."""


class PrizesError(Exception):
    """A rule of the contest refuses the action; ``message`` says why and what to do."""

    status = 400

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PhaseClosed(PrizesError):
    status = 403


class NotAllowed(PrizesError):
    status = 403


class AlreadyVoted(PrizesError):
    status = 409
