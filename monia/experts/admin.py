"""The expert groups, their members and sessions are set up by the county's administrator.
No client data is registered here: presented cases are reached only through the policy."""

from django.contrib import admin
from django.db import models

from monia.experts.models import ExpertGroup, ExpertMember, ExpertSession


class MemberInline(admin.StackedInline):
    """Stacked, not tabular: Django's tabular inline gives its inputs no label (only the
    column's heading), which a screen reader does not tie to them (WCAG 1.3.1, 4.1.2)."""

    model = ExpertMember
    extra = 1
    raw_id_fields = ("user",)


@admin.register(ExpertGroup)
class ExpertGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "county")
    list_filter = ("county",)
    inlines = [MemberInline]


@admin.register(ExpertSession)
class ExpertSessionAdmin(admin.ModelAdmin):
    list_display = ("held_on", "group", "location")
    list_filter = ("group__county",)
    date_hierarchy = "held_on"
    # A meeting link typed without a scheme is a secure one.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
