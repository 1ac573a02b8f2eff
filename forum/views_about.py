"""Pages that state the WSIS process's own facts: its history, partnerships and news."""

from __future__ import annotations

from django.shortcuts import render

from . import facts


def about(request):
    return render(request, "forum/about.html")


def sponsorship(request):
    return render(request, "forum/sponsorship.html", {"overview": facts.sponsorship_overview()})
