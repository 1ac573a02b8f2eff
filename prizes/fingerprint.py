"""Salted fingerprints of what a vote records about its request (IP address, user agent)."""

from __future__ import annotations

import hashlib

from django.conf import settings


def fingerprint(value: str, *, purpose: str) -> str:
    """A salted SHA-256 of an IP address or user agent: comparable, never reversible to the raw value."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{purpose}:{value}".encode()).hexdigest()
