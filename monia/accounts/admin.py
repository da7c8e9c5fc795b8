"""Staff accounts in the admin; tokens are listed without their secret."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from monia.accounts.models import ApiToken, User


@admin.register(User)
class StaffAdmin(UserAdmin):
    list_display = (
        "username",
        "first_name",
        "last_name",
        "role",
        "county",
        "team",
        "language",
        "is_active",
    )
    list_filter = ("role", "county", "team", "language", "is_active")
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            "Monia",
            {
                "fields": (
                    "role",
                    "county",
                    "team",
                    "organisation",
                    "title",
                    "phone",
                    "language",
                    "oidc_subject",
                )
            },
        ),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Monia", {"fields": ("role", "county", "team", "organisation", "language")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        # Portal clients are persons of the client register, not staff: their names are
        # client data and the admin site shows none (they log in through identification).
        return super().get_queryset(request).exclude(role="client")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "created_at", "revoked_at")
    exclude = ("key_hash",)
