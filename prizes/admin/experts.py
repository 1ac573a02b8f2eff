"""The Expert Group's assignments and scores."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import (
    Category,
    ExpertAssignment,
    ExpertScore,
)


class ExpertAssignmentForm(forms.ModelForm):
    class Meta:
        model = ExpertAssignment
        fields = ["contest", "expert", "categories"]

    def clean(self):
        data = super().clean() or {}
        contest, categories = data.get("contest"), data.get("categories")
        if contest and categories and any(c.contest_id != contest.pk for c in categories):
            raise ValidationError({"categories": _("Choose categories of the same contest.")})
        return data


@admin.register(ExpertAssignment)
class ExpertAssignmentAdmin(admin.ModelAdmin):
    form = ExpertAssignmentForm
    list_display = ("expert", "contest")
    list_filter = ("contest",)
    list_select_related = ("expert", "contest")
    filter_horizontal = ("categories",)
    raw_id_fields = ("expert",)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "categories":
            kwargs["queryset"] = Category.objects.select_related("action_line", "contest")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(ExpertScore)
class ExpertScoreAdmin(admin.ModelAdmin):
    list_display = ("project", "expert", "score", "scored_at")
    list_filter = ("project__contest", "project__category__action_line")
    list_select_related = ("project", "expert")
    # Never a select of every user or every project on the change page.
    autocomplete_fields = ("project", "expert")
    date_hierarchy = "scored_at"

    def has_add_permission(self, request):
        return False
