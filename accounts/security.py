"""Glue between django-axes and our two login forms (allauth's and the admin's)."""


def axes_username(request, credentials) -> str:
    """The login typed, whichever form sent it, lower-cased so case does not dodge the limit."""
    value = ""
    if credentials:
        value = credentials.get("email") or credentials.get("username") or ""
    if not value and request is not None:
        data = getattr(request, "POST", {})
        value = data.get("login") or data.get("username") or data.get("email") or ""
    return str(value).strip().lower()
