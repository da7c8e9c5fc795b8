"""Administrators manage counties and teams. No client data is registered in the admin."""

from django.contrib import admin

from monia.teams.models import County, Municipality, Team


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "name_sv", "code", "bilingual")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "county")
    list_filter = ("county",)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "name_sv", "county")
    list_filter = ("county",)
    search_fields = ("name_fi", "name_sv")
