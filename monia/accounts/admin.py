"""API tokens in the admin, listed without their secret. Staff accounts are in
``monia/rights/admin.py``: every change of their rights passes four eyes there."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from monia.accounts.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """An administrator may revoke a token, never make one in another user's name (the
    secret is shown once, to its owner: ``api_token_create``)."""

    list_display = ("name", "user", "created_at", "revoked_at")
    exclude = ("key_hash",)
    readonly_fields = ("name", "user", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
