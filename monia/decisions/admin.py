"""The county's appeal authorities in Django's admin: county configuration (names,
addresses, opening hours printed on every decision's instructions), not client data.
Administrators only, like the rest of the admin site."""

from __future__ import annotations

from django.contrib import admin

from monia.decisions.models import AppealAuthority


@admin.register(AppealAuthority)
class AppealAuthorityAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "kind", "county")
    list_filter = ("county", "kind")
    search_fields = ("name_fi", "name_sv")
    fields = (
        "county",
        "kind",
        "name_fi",
        "name_sv",
        "address",
        "address_sv",
        "email",
        "phone",
        "hours_fi",
        "hours_sv",
    )
