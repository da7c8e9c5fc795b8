"""The portal names the client's worker with her title in the reader's language: a
Swedish-speaking young person reads "Socialarbetare", an English reader "Social worker",
and the Finnish title where no other was written."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.casework import services
from monia.conftest import PortalWorld, portal_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title_en", "shown"),
    [
        ("fi", "Social worker", "Sosiaalityöntekijä"),
        ("sv", "Social worker", "Socialarbetare"),
        ("en", "Social worker", "Social worker"),
        ("en", "", "Sosiaalityöntekijä"),
    ],
)
def test_the_workers_title_in_the_readers_language(
    portal_world: PortalWorld, worker_a: User, language: str, title_en: str, shown: str
) -> None:
    User.objects.filter(pk=worker_a.pk).update(
        title="Sosiaalityöntekijä", title_sv="Socialarbetare", title_en=title_en
    )
    services.designated_worker_assign(
        user=worker_a, case=portal_world.young_case, worker=worker_a, on=timezone.localdate()
    )
    page = portal_client(portal_world.young, language).get(
        reverse("portal_case", args=[portal_world.young_case.pk])
    )
    main = page.content.decode().split("<main", 1)[1]
    assert f"Worker_A Testinen</strong>, {shown}" in main
