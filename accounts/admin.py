from typing import TYPE_CHECKING

from allauth.account.admin import EmailAddressAdmin as BaseEmailAddressAdmin
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wsis_portal.admin_confirm import confirm_first
from wsis_portal.admin_pagination import LargeTableAdmin, country_column

from .models import StakeholderProfile, User

# Accounts whose privileges only a superuser may touch: changing their password, email or
# flags would let whoever does it sign in with those privileges.
PRIVILEGED = Q(is_staff=True) | Q(is_superuser=True)


def _is_privileged(user) -> bool:
    return bool(user.is_staff or user.is_superuser)


# The mixin's super() calls reach ModelAdmin; tell the type checker so.
if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object


class StakeholderAccountsOnly(_AdminBase):
    """Limit a non-superuser to stakeholder (non-staff) accounts in a model with a `user` link.

    Used by every admin that edits a user or something that signs a user in (an email address
    can receive a password reset), so the Secretariat cannot reach a staff member's account.
    """

    user_path = "user"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        prefix = f"{self.user_path}__" if self.user_path else ""
        return queryset.exclude(**{f"{prefix}is_staff": True}).exclude(
            **{f"{prefix}is_superuser": True}
        )

    def _stakeholder_object(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        target = getattr(obj, self.user_path) if self.user_path else obj
        return target is None or not _is_privileged(target)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and self._stakeholder_object(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and self._stakeholder_object(request, obj)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and self._stakeholder_object(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.user_path and not request.user.is_superuser:
            kwargs["queryset"] = User.objects.exclude(PRIVILEGED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ProfileInline(admin.StackedInline):
    model = StakeholderProfile
    can_delete = False


@admin.register(User)
class UserAdmin(LargeTableAdmin, StakeholderAccountsOnly, BaseUserAdmin):
    """Superusers manage every account; the Secretariat manages stakeholder accounts only.

    The password view (`<id>/password/`) asks `has_change_permission(request, user)`, so the
    object-level check below also guards it.
    """

    user_path = ""
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
    # What the Secretariat sees: no privilege flag, group or permission, so a form posted with
    # them changes nothing (Django builds the form from these fields only).
    stakeholder_fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Status"), {"fields": ("is_active",)}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ["last_login", "date_joined"]

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return self.stakeholder_fieldsets
        return super().get_fieldsets(request, obj)

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return self.list_filter
        return ["is_active", "profile__stakeholder_type"]

    def get_list_display(self, request):
        if request.user.is_superuser:
            return self.list_display
        return [field for field in self.list_display if field != "is_staff"]

    @admin.display(description=_("full name"), ordering="profile__full_name")
    def full_name(self, obj):
        profile = getattr(obj, "profile", None)
        return profile.full_name if profile else ""


@admin.register(StakeholderProfile)
class StakeholderProfileAdmin(LargeTableAdmin, StakeholderAccountsOnly, admin.ModelAdmin):
    list_display = [
        "full_name",
        "user",
        "organisation_name",
        country_column("organisation_country", _("organisation country")),
        "stakeholder_type",
    ]
    list_filter = ["stakeholder_type", "organisation_country"]
    search_fields = ["full_name", "organisation_name", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class EmailAddressAdmin(LargeTableAdmin, StakeholderAccountsOnly, BaseEmailAddressAdmin):
    """allauth's admin, limited like the user admin: an address can reset a password."""

    @admin.action(
        description=_("Mark selected email addresses as verified"), permissions=["change"]
    )
    @confirm_first
    def make_verified(self, request, queryset):
        return super().make_verified(request, queryset)
