from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import StakeholderProfile, User


class ProfileInline(admin.StackedInline):
    model = StakeholderProfile
    can_delete = False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "profile__stakeholder_type"]
    search_fields = ["email", "profile__full_name", "profile__organisation_name"]
    list_select_related = ["profile"]
    inlines = [ProfileInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ["last_login", "date_joined"]

    @admin.display(description=_("full name"), ordering="profile__full_name")
    def full_name(self, obj):
        profile = getattr(obj, "profile", None)
        return profile.full_name if profile else ""


@admin.register(StakeholderProfile)
class StakeholderProfileAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "user",
        "organisation_name",
        "organisation_country",
        "stakeholder_type",
    ]
    list_filter = ["stakeholder_type", "organisation_country"]
    search_fields = ["full_name", "organisation_name", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
