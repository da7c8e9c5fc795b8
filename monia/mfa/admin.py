"""Second-factor devices in Django's admin: an administrator sees whose devices exist and
removes a lost one (the user is told by e-mail and sets up a new one at the next login);
never adds or changes one, and never sees an app's secret or its QR code, nor a passkey's
key. django-otp's own admin for the apps (which shows the secret) is replaced, and both
kinds of device are listed under this app by names in the administrator's language."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from monia.mfa import services
from monia.mfa.models import AuthenticatorApp, Passkey

# The packages' own fields are named in English only: the admin names them itself.
FIELDS = ("owner", "device_name", "added", "last_used")


class DeviceAdmin(admin.ModelAdmin):
    list_display = FIELDS
    fields = FIELDS
    readonly_fields = FIELDS
    search_fields = ("user__username", "user__last_name")
    list_select_related = ("user",)

    @admin.display(description=_("user"), ordering="user__username")
    def owner(self, device: Any) -> Any:
        return device.user

    @admin.display(description=_("name"), ordering="name")
    def device_name(self, device: Any) -> str:
        return str(device.name)

    @admin.display(description=_("Added"), ordering="created_at")
    def added(self, device: Any) -> Any:
        return device.created_at

    @admin.display(description=_("Last used"), ordering="last_used_at")
    def last_used(self, device: Any) -> Any:
        return device.last_used_at

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.device_reset(device=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for device in queryset:
            services.device_reset(device=device)


for model in (TOTPDevice, WebAuthnCredential):  # named in English only: see models.py
    if admin.site.is_registered(model):
        admin.site.unregister(model)
for model in (AuthenticatorApp, Passkey):
    admin.site.register(model, DeviceAdmin)
