"""The Secretariat's admin screens of the programme pipeline: calls with their published
criteria, rooms, and a read-only record of proposals (decisions are taken on the review
pages, through the services, never by editing a status here)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ..models import Proposal, ProposalCall, ProposalSpeaker, ReviewCriterion, Room


class ReviewCriterionInline(admin.TabularInline):
    model = ReviewCriterion
    extra = 1


@admin.register(ProposalCall)
class ProposalCallAdmin(admin.ModelAdmin):
    list_display = ["edition", "starts_at", "ends_at", "review_ends_at", "programme_published_at"]
    readonly_fields = ["closed_applied_at", "programme_published_at"]
    list_select_related = ["edition"]
    inlines = [ReviewCriterionInline]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "capacity", "order"]
    list_filter = ["edition"]
    list_select_related = ["edition"]
    search_fields = ["name"]


class ProposalSpeakerInline(admin.TabularInline):
    model = ProposalSpeaker
    extra = 0
    fields = ("name", "organisation", "country", "email", "person", "confirmed_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "building_block", "status", "submitted_at"]
    list_filter = ["status", "call__edition", "building_block"]
    list_select_related = ["building_block"]
    search_fields = ["title", "organisation", "proposer__email"]
    inlines = [ProposalSpeakerInline]
    actions = None

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Proposal._meta.fields] + ["action_lines", "sdgs"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
