"""Which sessions the public sees: the rule every public read of sessions applies."""

from django.db.models import Q


def programme_public_q(prefix: str = "") -> Q:
    """Sessions the public may see: those typed by hand, and those of a call whose programme
    the Secretariat has published (accepted proposals stay hidden until then)."""
    return Q(**{f"{prefix}proposal__isnull": True}) | Q(
        **{f"{prefix}proposal__call__programme_published_at__isnull": False}
    )
