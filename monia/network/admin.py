"""The partner registry is kept by administrators. Grants and logs (client data) are not here."""

from django.contrib import admin

from monia.network.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "sector", "county", "municipality", "active")
    list_filter = ("county", "sector", "active")
    search_fields = ("name",)
