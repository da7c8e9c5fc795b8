"""Administrators manage counties and teams. No client data is registered in the admin."""

from django.contrib import admin

from monia.teams.models import County, Municipality, Team


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "name_sv", "code", "bilingual")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "name_sv", "county", "office_town")
    list_filter = ("county",)
    fields = (
        "county",
        "name",
        "name_sv",
        "name_en",
        "reflection_interval_weeks",
        "office_street",
        "office_postal_code",
        "office_town",
    )


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "name_sv", "county")
    list_filter = ("county",)
    search_fields = ("name_fi", "name_sv")
