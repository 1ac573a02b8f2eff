"""drf-spectacular hooks: the published OpenAPI schema says exactly what the API accepts and
answers, so a client (or schemathesis in CI) built from it is never surprised."""

from __future__ import annotations

ERROR_SCHEMA = {
    "type": "object",
    "description": "What was wrong: `detail`, or a list of messages per query parameter.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
ERROR_RESPONSES = {
    "400": "A query parameter has a value the API does not accept; the body says which.",
    "404": "No such object (or no such page of an edition).",
}
# Text that PostgreSQL cannot hold; the portal refuses it (400) wherever it appears.
NO_NUL = "^[^\\x00]*$"


def _codes(model, field: str) -> list:
    try:
        return sorted(model.objects.values_list(field, flat=True))
    except Exception:  # no database while generating offline: leave the list open
        return []


def document_errors_and_values(result, generator, request, public):
    """Add the 400 and 404 answers to every operation, and tell each query parameter's
    real range: the SDG numbers and Action Line codes that exist, text without NUL, and
    the length a text filter accepts."""
    from forum.models import SDG, ActionLine

    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    sdg_numbers = _codes(SDG, "number")
    action_line_codes = _codes(ActionLine, "code")
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_RESPONSES.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                items = schema.get("items", schema)
                if parameter["name"] == "sdg" and sdg_numbers:
                    items.update(type="integer", enum=sdg_numbers)
                elif parameter["name"] == "action_line" and action_line_codes:
                    items.update(type="string", enum=action_line_codes)
                elif parameter["name"] == "q":
                    items.update(maxLength=200)
                elif parameter["name"] == "page":
                    parameter["description"] = (
                        "A page number. A page past the last gives the last page; a number "
                        "below 1, or a value that is not a number, gives the first page."
                    )
                if items.get("type") == "string" and "enum" not in items:
                    items.setdefault("pattern", NO_NUL)
    return result
