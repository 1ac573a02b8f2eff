"""The votes (invalidated with a reason) and the tallies (read only)."""

import re

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wsis_portal.admin_calendar import with_calendar_ends
from wsis_portal.admin_confirm import confirm_first
from wsis_portal.admin_pagination import LargeTableAdmin
from wsis_portal.admin_rows import QuickRowsAdmin

from .. import services
from ..admin_statistics import ContestStatisticsAdmin
from ..models import Tally, Vote
from .projects import ReasonActionForm, _run

# prizes.fingerprint: a SHA-256 in hexadecimal.
IP_HASH = re.compile(r"[0-9a-fA-F]{64}")


@admin.register(Vote)
class VoteAdmin(LargeTableAdmin, ContestStatisticsAdmin, admin.ModelAdmin):
    list_display = ("id", "contest", "category", "project", "cast_at", "valid")
    list_filter = ("contest", "valid", "category__action_line")
    # Its years, months and days come from the first and last vote (see admin/calendar.py).
    date_hierarchy = "cast_at"
    # A voter's email or a project's title, each answered by its trigram index; the IP hash
    # only when the search is a whole hash (no index on 2,000,000 votes for it: every vote
    # would pay for one, and a part of a hash finds nothing useful).
    search_fields = ("voter__email", "project__title")
    list_select_related = ("contest", "category__action_line", "category__contest", "project")
    raw_id_fields = ("voter", "project")
    readonly_fields = [f.name for f in Vote._meta.fields]
    action_form = ReasonActionForm
    actions = ["invalidate"]

    def get_queryset(self, request):
        return with_calendar_ends(super().get_queryset(request))

    def get_search_fields(self, request):
        if IP_HASH.fullmatch(request.GET.get("q", "").strip()):
            return (*self.search_fields, "=ip_hash")
        return self.search_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_invalidate_permission(self, request) -> bool:
        # Votes are read-only in the admin; invalidating one is the only change, so it needs
        # the model's change permission even though the change form is refused.
        return request.user.has_perm("prizes.change_vote")

    @admin.action(
        description=_("Invalidate the selected votes (give a reason)"), permissions=["invalidate"]
    )
    @confirm_first
    def invalidate(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda v, reason: services.vote_invalidate(vote=v, by=request.user, reason=reason),
        )


@admin.register(Tally)
class TallyAdmin(QuickRowsAdmin, admin.ModelAdmin):
    list_display = ("project", "category", "votes", "rank", "computed_at")
    list_filter = ("contest", "category__action_line")
    list_select_related = ("project", "category__action_line", "category__contest")
    # A project's long texts: the list shows its title only (sorting 1,001 rows with them
    # was most of the list's SQL at WSIS scale).
    list_deferred = ("project__description", "project__status_reason", "project__image_alt")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
