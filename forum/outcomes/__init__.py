"""Outcome reports of Forum sessions: the call, the owners' reports, reminders, the PDF."""
