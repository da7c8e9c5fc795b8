"""A partner sends one file with the statement and downloads only their own
organisation's; the team attaches files to a network meeting, which the invited
organisations download — each download one disclosure row."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.attachments.models import Attachment
from monia.attachments.testing import EXE_BYTES, PDF_BYTES, upload
from monia.conftest import CaseWorld, login, make_user
from monia.contrib import services as contrib_services
from monia.contrib.models import ContributionRequest
from monia.netmeet import attachment_services as meeting_files
from monia.netmeet import services as netmeet_services
from monia.network.models import DisclosureLog, Organisation


def _request(cw: CaseWorld, worker: User, organisation: Organisation) -> ContributionRequest:
    return contrib_services.request_create(
        user=worker,
        assessment=cw.open_assessment,
        organisation=organisation,
        basis="lsl_41_request",
        questions="Miten lapsi voi koulussa?",
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )


def _other_partner(cw: CaseWorld) -> User:
    clinic = Organisation.objects.create(
        county=cw.case.county, name="Nuorisopsykiatria", sector="child_psychiatry"
    )
    return make_user("clinic_partner", Role.PARTNER, cw.case.county, None, organisation=clinic)


def test_a_partner_sends_a_file_with_the_statement_and_only_their_organisation_gets_it(
    case_a: CaseWorld, worker_a: User, partner: User, school: Any
) -> None:
    req = _request(case_a, worker_a, school)
    url = reverse("partner_contribution", args=[req.pk])
    response = login("partner").post(
        url,
        {
            "statement": "Lapsi on väsynyt.",
            "child_view_noted": "",
            "attachment": upload("todistus.pdf", PDF_BYTES),
        },
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(contribution=req)
    assert attachment.case_id == case_a.case.pk and attachment.uploaded_by == partner
    download = reverse("partner_contribution_attachment", args=[req.pk, attachment.pk])
    assert download in login("partner").get(url).content.decode()
    before = DisclosureLog.objects.count()
    got = login("partner").get(download)
    assert got.status_code == 200 and got["Content-Disposition"].startswith("attachment;")
    assert DisclosureLog.objects.count() == before + 1
    _other_partner(case_a)
    assert login("clinic_partner").get(download).status_code == 404
    assert login("worker_a").get(download).status_code == 404
    staff = reverse("case_attachment", args=[case_a.case.pk, attachment.pk])
    page = reverse("assessment_contributions", args=[case_a.case.pk, case_a.open_assessment.pk])
    assert staff in login("worker_a").get(page).content.decode()


def test_a_refused_file_keeps_the_statement_unsent(
    case_a: CaseWorld, worker_a: User, partner: User, school: Any
) -> None:
    req = _request(case_a, worker_a, school)
    response = login("partner").post(
        reverse("partner_contribution", args=[req.pk]),
        {"statement": "Lapsi on väsynyt.", "attachment": upload("x.pdf", EXE_BYTES)},
    )
    assert response.status_code == 200
    assert "Lapsi on väsynyt." in response.content.decode()  # what was typed is kept
    req.refresh_from_db()
    assert req.submitted_at is None and not Attachment.objects.exists()


def _meeting(cw: CaseWorld, worker: User, school: Organisation) -> Any:
    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=cw.case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Koulunkäynnin tuki",
    )
    netmeet_services.invitee_add(meeting=meeting, role="partner", organisation=school)
    return meeting


def test_an_invited_partner_downloads_a_network_meetings_file_and_others_get_404(
    case_a: CaseWorld, worker_a: User, partner: User, school: Any
) -> None:
    meeting = _meeting(case_a, worker_a, school)
    page = reverse("network_meeting_attachments", args=[case_a.case.pk, meeting.pk])
    assert (
        login("worker_a")
        .post(page, {"attachment": upload("asialista.pdf", PDF_BYTES)})["Location"]
        .endswith(page)
    )
    attachment = Attachment.objects.get(network_meeting=meeting)
    download = reverse("partner_network_meeting_attachment", args=[meeting.pk, attachment.pk])
    shown = login("partner").get(reverse("partner_network_meeting", args=[meeting.pk]))
    assert download in shown.content.decode()
    before = DisclosureLog.objects.count()
    assert login("partner").get(download).status_code == 200
    assert DisclosureLog.objects.count() == before + 1
    _other_partner(case_a)
    assert login("clinic_partner").get(download).status_code == 404


@pytest.mark.parametrize("persona", ["teammate_a", "other_team"])
def test_only_the_uploader_removes_a_meetings_file(
    case_a: CaseWorld,
    worker_a: User,
    school: Any,
    persona: str,
    request: pytest.FixtureRequest,
) -> None:
    request.getfixturevalue(persona)
    meeting = _meeting(case_a, worker_a, school)
    attachment = meeting_files.meeting_attachment_add(
        user=worker_a, meeting=meeting, upload=upload("a.pdf", PDF_BYTES)
    )
    page = reverse("network_meeting_attachments", args=[case_a.case.pk, meeting.pk])
    login(persona).post(page, {"remove": attachment.pk})
    attachment.refresh_from_db()
    assert attachment.removed_at is None
    login("worker_a").post(page, {"remove": attachment.pk})
    attachment.refresh_from_db()
    assert attachment.removed_at is not None


def test_the_same_meeting_file_sent_twice_is_attached_once(
    case_a: CaseWorld, worker_a: User, school: Any
) -> None:
    meeting = _meeting(case_a, worker_a, school)
    page = reverse("network_meeting_attachments", args=[case_a.case.pk, meeting.pk])
    client = login("worker_a")
    for _ in range(2):
        assert (
            client.post(page, {"attachment": upload("asialista.pdf", PDF_BYTES)}).status_code == 302
        )
    assert Attachment.objects.filter(network_meeting=meeting).count() == 1
