"""The one normalisation of an agency's acronym, in Python, in SQL and as a unique constraint.

A facilitation role keeps the acronym its source prints ("UN DESA", "UN-Habitat"), which other
records (UNGIS's agencies) may write otherwise ("UNDESA", "UN-HABITAT"): acronyms are compared
by a key without these marks and in capitals. The same key makes "UN DESA" and "UNDESA" one
agency for the database too, so the matching can never find two rows where a person sees one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import F, UniqueConstraint, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Replace, Upper

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

ACRONYM_MARKS = (" ", "-", ".")

# The code of a violation of an agency_key_unique constraint, by which the error is moved from
# the form's top to the acronym's field (a functional constraint names no field of its own).
AGENCY_KEY_TAKEN = "agency_key_taken"


def agency_key(acronym: str) -> str:
    """The key an agency's acronym is matched on, such as UNDESA for "UN DESA"."""
    for mark in ACRONYM_MARKS:
        acronym = acronym.replace(mark, "")
    return acronym.upper()


def agency_key_sql(field: str) -> Upper:
    """:func:`agency_key` of a column, for filters, annotations and constraints (any database)."""
    expression: Combinable = F(field)
    for mark in ACRONYM_MARKS:
        expression = Replace(expression, Value(mark), Value(""))
    return Upper(expression)


def agency_key_unique(
    field: str, *, name: str, message: str | _StrPromise, together: tuple[str, ...] = ()
) -> UniqueConstraint:
    """A unique index on :func:`agency_key` of ``field`` (within ``together``'s columns)."""
    return UniqueConstraint(
        *(F(column) for column in together),
        agency_key_sql(field),
        name=name,
        violation_error_code=AGENCY_KEY_TAKEN,
        violation_error_message=message,
    )


class AgencyKeyErrorOnField:
    """Model mixin: a violation of an :func:`agency_key_unique` constraint is reported on
    ``agency_key_field``, so that the admin shows it next to the acronym that was typed."""

    agency_key_field: str

    def validate_constraints(self, exclude: Any = None) -> None:
        try:
            super().validate_constraints(exclude)  # type: ignore[misc]
        except ValidationError as error:
            raise errors_on_field(error, self.agency_key_field) from None


def errors_on_field(error: ValidationError, field: str) -> ValidationError:
    """``error`` with its top-level agency-key violations moved to ``field``."""
    moved: dict[str, list[ValidationError]] = {}
    for key, errors in error.error_dict.items():
        for each in errors:
            to = field if key == NON_FIELD_ERRORS and each.code == AGENCY_KEY_TAKEN else key
            moved.setdefault(to, []).append(each)
    return ValidationError(moved)
