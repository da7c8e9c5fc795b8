"""A signed decision in the portal: the party reads the whole decision in their language
with its PDF, the read logged; a guardian who is not a party, a draft and a hidden decision
answer 404."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.conftest import PortalWorld, portal_client
from monia.decisions.tests.document_world import (
    authorities_add,
    decision_make,
    second_guardian,
    service_add,
)

pytestmark = pytest.mark.django_db


def _decision(pw: PortalWorld, **extra: object) -> object:
    worker = User.objects.get(username="worker_a")
    authorities_add(pw.cw.case.county)
    return decision_make(pw.cw.case, worker, parties=[(pw.guardian, "guardian")], **extra)


def test_a_party_reads_the_signed_decision_and_the_read_is_logged(
    portal_world: PortalWorld,
) -> None:
    decision = _decision(portal_world)
    sent = timezone.localdate() - datetime.timedelta(days=2)
    service_add(decision, portal_world.guardian, User.objects.get(username="worker_a"), sent)
    case = portal_world.cw.case
    client = portal_client(portal_world.guardian)
    listing = client.get(reverse("portal_decisions", args=[case.pk])).content.decode()
    assert "Päätös lapsen kiireellisestä sijoituksesta" in listing
    url = reverse("portal_decision", args=[case.pk, decision.pk])  # type: ignore[attr-defined]
    before = AccessLog.objects.filter(purpose=Purpose.PORTAL_DECISION).count()
    page = client.get(url).content.decode()
    service = decision.services.get()  # type: ignore[attr-defined]
    ends = service.appeal_ends
    # Sent by letter two days ago: received by law on the 7th day, not yet (HL 59 §).
    sent_line = (
        f"Tämä päätös lähetettiin sinulle {sent:%-d.%-m.%Y}. "
        f"Sen katsotaan tulleen sinulle {service.served_on:%-d.%-m.%Y}."
    )
    assert sent_line in page and "Sait tämän päätöksen" not in page
    assert f"Voit valittaa {ends.day}.{ends.month}.{ends.year} asti." in page
    assert "Valitusosoitus" in page and "Itä-Suomen hallinto-oikeus" in page
    row = AccessLog.objects.filter(purpose=Purpose.PORTAL_DECISION).latest("pk")
    assert AccessLog.objects.filter(purpose=Purpose.PORTAL_DECISION).count() == before + 1
    assert row.channel == "portal" and row.case_id == case.pk and row.basis == "guardian"
    pdf = client.get(reverse("portal_decision_pdf", args=[case.pk, decision.pk]))  # type: ignore[attr-defined]
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_decision_written_in_swedish_reads_in_swedish_around_the_clients_swedish_page(
    portal_world: PortalWorld,
) -> None:
    decision = _decision(portal_world, language="sv")
    client = portal_client(portal_world.guardian, language="sv")
    url = reverse("portal_decision", args=[portal_world.cw.case.pk, decision.pk])  # type: ignore[attr-defined]
    page = client.get(url).content.decode()
    assert '<article class="document" aria-labelledby="document-title" lang="sv">' in page
    assert "Beslut om brådskande placering av ett barn" in page
    assert "Besvärsanvisning" in page and "Det här beslutet gjordes" in page
    # Not yet served to this party: the period is told, counted from receiving it.
    assert "kan du överklaga det inom 30 dagar" in page
    assert "Dagarna räknas från den dag du har fått beslutet." in page


def test_a_decision_written_in_finnish_stays_finnish_and_marked_so_on_a_swedish_page(
    portal_world: PortalWorld,
) -> None:
    """The worker's words are Finnish: the headings around them are too, and the document
    says so to a screen reader (WCAG 3.1.2), while the page around it speaks Swedish."""
    decision = _decision(portal_world)  # written in Finnish
    client = portal_client(portal_world.guardian, language="sv")
    case = portal_world.cw.case
    url = reverse("portal_decision", args=[case.pk, decision.pk])  # type: ignore[attr-defined]
    page = client.get(url).content.decode()
    assert '<html lang="sv">' in page
    assert '<article class="document" aria-labelledby="document-title" lang="fi">' in page
    assert "Päätös lapsen kiireellisestä sijoituksesta" in page and "Valitusosoitus" in page
    assert "Besvärsanvisning" not in page
    assert "Det här beslutet gjordes" in page  # the portal's own words, in Swedish
    pdf = client.get(reverse("portal_decision_pdf", args=[case.pk, decision.pk]))  # type: ignore[attr-defined]
    assert pdf["Content-Disposition"].endswith(f'decision-{decision.pk}-fi.pdf"')


def test_before_service_the_client_is_told_the_period_and_from_when_it_counts(
    portal_world: PortalWorld,
) -> None:
    """The words "the time limit starts" alone said neither which time nor from when ("sent"
    was not true either: the period runs from receiving the decision)."""
    decision = _decision(portal_world)
    client = portal_client(portal_world.guardian)
    url = reverse("portal_decision", args=[portal_world.cw.case.pk, decision.pk])  # type: ignore[attr-defined]
    page = client.get(url).content.decode()
    assert "Jos olet eri mieltä päätöksestä, voit valittaa siitä 30 päivän kuluessa." in page
    assert "Päivät lasketaan siitä, kun olet saanut päätöksen." in page


def test_a_guardian_who_is_not_a_party_gets_404(portal_world: PortalWorld) -> None:
    decision = _decision(portal_world)
    other = second_guardian(portal_world.child)
    client = portal_client(other)
    case = portal_world.cw.case
    assert client.get(reverse("portal_case", args=[case.pk])).status_code == 200
    url = reverse("portal_decision", args=[case.pk, decision.pk])  # type: ignore[attr-defined]
    assert client.get(url).status_code == 404
    pdf = reverse("portal_decision_pdf", args=[case.pk, decision.pk])  # type: ignore[attr-defined]
    assert client.get(pdf).status_code == 404
    listing = client.get(reverse("portal_decisions", args=[case.pk])).content.decode()
    assert "Päätös lapsen kiireellisestä sijoituksesta" not in listing


@pytest.mark.parametrize("extra", [{"signed": False}, {"shown_in_portal": False}])
def test_a_draft_or_a_hidden_decision_is_404(
    portal_world: PortalWorld, extra: dict[str, object]
) -> None:
    decision = _decision(portal_world, **extra)
    url = reverse("portal_decision", args=[portal_world.cw.case.pk, decision.pk])  # type: ignore[attr-defined]
    before = AccessLog.objects.filter(purpose=Purpose.PORTAL_DECISION).count()
    assert portal_client(portal_world.guardian).get(url).status_code == 404
    assert AccessLog.objects.filter(purpose=Purpose.PORTAL_DECISION).count() == before


def test_a_young_person_aged_12_reads_the_decision_they_are_a_party_of(
    portal_world: PortalWorld,
) -> None:
    worker = User.objects.get(username="worker_a")
    decision = decision_make(
        portal_world.young_case, worker, parties=[(portal_world.young, "child")]
    )
    url = reverse("portal_decision", args=[portal_world.young_case.pk, decision.pk])
    assert portal_client(portal_world.young).get(url).status_code == 200
    # His mother is not a party of this decision: not hers to read here.
    assert portal_client(portal_world.guardian).get(url).status_code == 404


def test_a_decision_received_by_now_says_when_it_was_received(portal_world: PortalWorld) -> None:
    decision = _decision(portal_world)
    sent = timezone.localdate() - datetime.timedelta(days=10)
    service_add(decision, portal_world.guardian, User.objects.get(username="worker_a"), sent)
    served = decision.services.get().served_on  # type: ignore[attr-defined]
    assert served <= timezone.localdate()
    url = reverse("portal_decision", args=[portal_world.cw.case.pk, decision.pk])  # type: ignore[attr-defined]
    page = portal_client(portal_world.guardian, language="sv").get(url).content.decode()
    assert f"Du fick det här beslutet {served:%-d.%-m.%Y}." in page
    assert "Det räknas som mottaget" not in page
