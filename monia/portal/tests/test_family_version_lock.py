"""The family version has a version check: a save from an older page never overwrites a
newer text the child reads (issue 11, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from monia.conftest import PortalWorld, login
from monia.portal import family_services
from monia.portal.models import FamilyVersion

pytestmark = pytest.mark.django_db


def test_a_stale_family_version_is_refused_with_the_newer_text_shown_and_the_typed_kept(
    portal_world: PortalWorld, teammate_a: object
) -> None:
    case = portal_world.cw.case
    key = f"measure:{portal_world.cw.emergency.pk}"
    url = reverse("case_portal_family_version", args=[case.pk])
    worker = login("worker_a", language="en")
    page = worker.get(reverse("case_portal", args=[case.pk])).content.decode()
    assert 'name="fv-lock_version" value="0"' in page  # what this page showed: none yet
    first = login("teammate_a").post(
        url, {"fv-document": key, "fv-text": "Asut nyt turvassa.", "fv-lock_version": "0"}
    )
    assert first.status_code == 302
    stale = worker.post(
        url, {"fv-document": key, "fv-text": "Vanha teksti sivulta.", "fv-lock_version": "0"}
    )
    assert stale.status_code == 200
    text = stale.content.decode()
    assert "Someone else approved a newer family version" in text
    assert "Asut nyt turvassa." in text  # the newer text, shown
    assert "Vanha teksti sivulta." in text  # what was typed, kept
    assert 'name="fv-lock_version" value="1"' in text  # the next save compares with it
    version = FamilyVersion.objects.get(case=case, document_key=key)
    assert (version.text, version.lock_version) == ("Asut nyt turvassa.", 1)
    again = worker.post(
        url, {"fv-document": key, "fv-text": "Vanha teksti sivulta.", "fv-lock_version": "1"}
    )
    assert again.status_code == 302
    version.refresh_from_db()
    assert (version.text, version.lock_version) == ("Vanha teksti sivulta.", 2)


def test_the_service_refuses_a_stale_version(portal_world: PortalWorld, worker_a: object) -> None:
    case = portal_world.cw.case
    key = f"measure:{portal_world.cw.emergency.pk}"
    family_services.family_version_approve(
        user=worker_a, case=case, document_key=key, text="Uusi.", lock_version=0
    )
    with pytest.raises(family_services.FamilyVersionConflict):
        family_services.family_version_approve(
            user=worker_a, case=case, document_key=key, text="Vanha.", lock_version=0
        )
    assert FamilyVersion.objects.get(case=case, document_key=key).text == "Uusi."
