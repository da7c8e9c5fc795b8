"""The notifier may attach one file to the public e-notification: checked with the rest of
the form, stored with the notification or not at all, read by the county's intake staff
under the queue's rule (logged), and joined to the intake on conversion."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from monia.access.models import AccessLog
from monia.attachments.models import Attachment
from monia.attachments.testing import EXE_BYTES, PDF_BYTES, upload
from monia.conftest import World, login
from monia.enotify import services
from monia.enotify.models import ENotification, ENotificationAccess
from monia.enotify.tests.conftest import school_nurse_post

FI = {"HTTP_ACCEPT_LANGUAGE": "fi"}


def _post(world: World, **extra: Any) -> Any:
    url = reverse("enotify_form", kwargs={"county_code": world.county_a.code})
    return Client().post(url, school_nurse_post(**extra), follow=True, **FI)


def test_a_notifier_attaches_a_file_to_the_notification(world: World) -> None:
    response = _post(world, attachment=upload("koulun_lomake.pdf", PDF_BYTES))
    assert response.status_code == 200
    en = ENotification.objects.get()
    attachment = Attachment.objects.get()
    assert attachment.enotification == en and attachment.case is None
    assert attachment.uploaded_by is None and attachment.original_name == "koulun_lomake.pdf"


def test_a_refused_file_is_named_with_the_forms_other_errors_and_nothing_is_saved(
    world: World,
) -> None:
    response = _post(
        world, content="", attachment=upload("lomake.pdf", EXE_BYTES, "application/pdf")
    )
    html = response.content.decode()
    assert "ei voi liittää" in html  # the file, in the notifier's language
    assert 'id="id_content_error"' in html  # and the empty concern, on the same page
    assert "valitse se uudelleen" in html  # the browser does not keep the chosen file
    assert not ENotification.objects.exists() and not Attachment.objects.exists()


def test_an_oversized_file_on_the_public_form_is_refused(world: World, settings: Any) -> None:
    settings.MONIA_ATTACHMENT_MAX_MB = 1
    big = PDF_BYTES + b"0" * (1024 * 1024)
    html = _post(world, attachment=upload("iso.pdf", big)).content.decode()
    assert "Tiedosto on liian suuri" in html
    assert not ENotification.objects.exists() and not Attachment.objects.exists()


def _sent(world: World) -> tuple[ENotification, Attachment]:
    _post(world, attachment=upload("lomake.pdf", PDF_BYTES))
    return ENotification.objects.get(), Attachment.objects.get()


def test_intake_staff_download_the_file_and_the_read_is_logged(world: World, worker_a: Any) -> None:
    en, attachment = _sent(world)
    url = reverse("enotify_attachment", args=[en.pk, attachment.pk])
    detail = login("worker_a").get(reverse("enotify_detail", args=[en.pk]))
    assert url in detail.content.decode()
    response = login("worker_a").get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ENotificationAccess.objects.filter(
        user=worker_a, enotification=en, purpose="enotify_attachment"
    ).exists()


@pytest.mark.parametrize("persona", ["other_county", "admin", "partner"])
def test_others_get_404_for_a_notifiers_file(
    world: World, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    en, attachment = _sent(world)
    url = reverse("enotify_attachment", args=[en.pk, attachment.pk])
    assert login(persona).get(url).status_code == 404


def test_on_conversion_the_file_joins_the_intake_of_the_childs_case(
    world: World, worker_a: Any
) -> None:
    en, attachment = _sent(world)
    intake = services.enotification_convert(
        user=worker_a,
        enotification=en,
        new_child={
            "identity_code": en.child_identity_code,
            "first_names": en.child_first_names,
            "last_name": en.child_last_name,
            "language": "fi",
        },
    )
    attachment.refresh_from_db()
    assert attachment.intake == intake and attachment.case_id == intake.case_id
    response = login("worker_a").get(
        reverse("case_attachment", args=[intake.case_id, attachment.pk])
    )
    assert response.status_code == 200
    assert AccessLog.objects.filter(
        purpose="attachment_download", person_id=intake.case.child_id
    ).exists()
