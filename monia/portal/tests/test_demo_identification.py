"""The demo identification: synthetic codes only, never outside a demo database, and its
sessions end when it is turned off (issue 11, item 5)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from monia.accounts.models import User
from monia.conftest import PortalWorld
from monia.people import hetu
from monia.people.models import Person
from monia.portal.services import client_user_for_identity_code

pytestmark = pytest.mark.django_db


def test_demo_login_refuses_a_real_identity_code(portal_world: PortalWorld, settings) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    young = portal_world.young
    birth = young.birth_date
    real = f"{birth:%d%m%y}A123{hetu.checksum_char(birth, 123)}"
    Person.objects.filter(pk=young.pk).update(
        identity_code=real, identity_code_canonical=hetu.canonical(real)
    )
    anonymous = Client()
    response = anonymous.post(reverse("portal_demo_login"), {"identity_code": real})
    assert response.status_code == 200
    assert "vain demoasiakkaan keksityllä henkilötunnuksella" in response.content.decode()
    assert "_auth_user_id" not in anonymous.session


def test_demo_session_ends_when_the_demo_identification_is_turned_off(
    portal_world: PortalWorld, settings
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    client = Client()
    code = portal_world.young.identity_code
    assert client.post(reverse("portal_demo_login"), {"identity_code": code}).status_code == 302
    assert client.get(reverse("portal_case", args=[portal_world.young_case.pk])).status_code == 200
    settings.MONIA_DEMO_IDENTIFICATION = False
    response = client.get(reverse("portal_case", args=[portal_world.young_case.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal_login"))
    assert "_auth_user_id" not in client.session


def test_a_swedish_speaking_client_reads_the_portal_in_swedish_after_logging_in(
    portal_world: PortalWorld, settings
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    Person.objects.filter(pk=portal_world.young.pk).update(language="sv")
    # An account made before (its language empty) takes the register's at its next login.
    account = client_user_for_identity_code(portal_world.young.identity_code, method="demo")
    assert account is not None
    User.objects.filter(pk=account.pk).update(language="")
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    code = portal_world.young.identity_code
    landed = client.post(reverse("portal_demo_login"), {"identity_code": code}, follow=True)
    assert landed.status_code == 200
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    page = client.get(reverse("portal_case", args=[portal_world.young_case.pk]))
    assert '<html lang="sv">' in page.content.decode()


def test_a_finnish_speaking_client_keeps_finnish_whatever_the_browser_says(
    portal_world: PortalWorld, settings
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    code = portal_world.young.identity_code
    client.post(reverse("portal_demo_login"), {"identity_code": code}, follow=True)
    page = client.get(reverse("portal_case", args=[portal_world.young_case.pk]))
    assert '<html lang="fi">' in page.content.decode()


def test_a_language_chosen_in_the_browser_before_logging_in_stays(
    portal_world: PortalWorld, settings
) -> None:
    settings.MONIA_DEMO_IDENTIFICATION = True
    client = Client()
    client.post(reverse("set_language"), {"language": "sv", "next": "/portal/login/"})
    code = portal_world.young.identity_code  # the register says Finnish
    client.post(reverse("portal_demo_login"), {"identity_code": code}, follow=True)
    page = client.get(reverse("portal_case", args=[portal_world.young_case.pk]))
    assert '<html lang="sv">' in page.content.decode()


def _settings_load(**env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; settings.INSTALLED_APPS"],
        env=full,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_settings_refuse_the_demo_identification_outside_a_demo_database() -> None:
    refused = _settings_load(
        DEBUG="false", MONIA_DEMO_IDENTIFICATION="true", MONIA_DEMO_DATABASE="false"
    )
    assert refused.returncode != 0
    assert "MONIA_DEMO_IDENTIFICATION is for a demo database only" in refused.stderr
    demo = _settings_load(
        DEBUG="false", MONIA_DEMO_IDENTIFICATION="true", MONIA_DEMO_DATABASE="true"
    )
    assert demo.returncode == 0, demo.stderr
    debug = _settings_load(DEBUG="true", MONIA_DEMO_IDENTIFICATION="true", MONIA_DEMO_DATABASE="")
    assert debug.returncode == 0, debug.stderr
