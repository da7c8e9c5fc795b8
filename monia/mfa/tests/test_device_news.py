"""The user is told by e-mail when a second-factor device is added to or removed from their
account (ASVS V2.5.5); administrators remove a lost one in the admin site, never see a
secret and never add one."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from monia.accounts.models import User
from monia.mfa import services
from monia.mfa.tests.conftest import app_for, password_login

STEP = "/login/second-step/"


@pytest.fixture
def worker(worker_a: User) -> User:
    worker_a.email = "worker.a@county-a.example"
    worker_a.language = "sv"
    worker_a.save(update_fields=["email", "language"])
    return worker_a


def _passed(username: str, device: TOTPDevice) -> Any:
    client = password_login(username)
    assert client.post(STEP, {"code": services.totp_code_now(device.key)}).status_code == 302
    return client


def test_the_user_is_told_in_their_language_when_an_app_is_added_and_removed(
    worker: User, django_capture_on_commit_callbacks: Any
) -> None:
    first = app_for(worker)  # the demo's and the tests' way: no e-mail
    client = _passed("worker_a", first)
    key = services.totp_secret_new()
    session = client.session
    session["monia_mfa_pending_totp"] = key
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        added = client.post(
            reverse("mfa_totp_enrol"), {"code": services.totp_code_now(key), "name": "Tabletti"}
        )
    assert added.status_code == 302
    assert [m.to for m in mail.outbox] == [[worker.email]]
    news = mail.outbox[0]
    assert "En andra faktor lades till ditt Monia-konto." in news.subject
    assert "/account/security/" in news.body and "Tabletti" not in news.body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_device_remove"), {"kind": "totp", "device": first.pk})
    assert not TOTPDevice.objects.filter(pk=first.pk).exists()
    assert "En andra faktor togs bort från ditt Monia-konto." in mail.outbox[1].subject


def test_a_refused_removal_tells_nobody(
    senior_a: User, django_capture_on_commit_callbacks: Any
) -> None:
    senior_a.email = "senior.a@county-a.example"
    senior_a.save(update_fields=["email"])
    only = app_for(senior_a)
    client = _passed("senior_a", only)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_device_remove"), {"kind": "totp", "device": only.pk})
    assert TOTPDevice.objects.filter(pk=only.pk).exists() and mail.outbox == []


def test_an_administrator_removes_a_lost_app_sees_no_secret_and_adds_none(
    admin: User, worker: User, django_capture_on_commit_callbacks: Any
) -> None:
    lost = app_for(worker)
    site = _passed("admin", app_for(admin))
    listing = site.get(reverse("admin:mfa_authenticatorapp_changelist"))
    assert listing.status_code == 200 and "worker_a" in listing.content.decode()
    page = site.get(reverse("admin:mfa_authenticatorapp_change", args=[lost.pk])).content.decode()
    assert lost.key not in page and services.totp_secret_text(lost.key)[:9] not in page
    assert "qrcode" not in page.lower() and 'name="key"' not in page
    assert site.get(reverse("admin:mfa_authenticatorapp_add")).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = site.post(
            reverse("admin:mfa_authenticatorapp_delete", args=[lost.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert [m.to for m in mail.outbox] == [[worker.email]]
    assert "togs bort" in mail.outbox[0].subject
