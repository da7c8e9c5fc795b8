"""One disclosure log (luovutusloki) for every way a partner sees client data."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from monia.access.testing import log_triggers_off
from monia.conftest import CaseWorld, child_create, login, notification
from monia.consult import access as consult_access
from monia.contrib import access as contrib_access
from monia.netmeet import access as netmeet_access
from monia.network import selectors, services
from monia.network.models import DisclosureLog, DisclosureSource

TWO_YEARS = datetime.timedelta(days=730)


def _only_row() -> DisclosureLog:
    (row,) = DisclosureLog.objects.all()
    return row


def test_partner_reading_a_contribution_request_writes_one_row_on_its_basis(
    case_a: CaseWorld, contribution_request: Any, partner: Any, school: Any
) -> None:
    contrib_access.contribution_get_for_partner(
        partner, contribution_request.pk, purpose="contribution_task"
    )
    row = _only_row()
    assert (row.source, row.source_id, row.grant_id) == (
        "contribution_request",
        contribution_request.pk,
        None,
    )
    assert (row.basis, row.recipient, row.organisation, row.purpose) == (
        "guardian_consent",
        partner,
        school,
        "contribution_task",
    )
    assert (row.person_id, row.case_id) == (case_a.case.child_id, case_a.case.pk)


def test_partner_reading_a_named_consultation_writes_one_consent_row(
    case_a: CaseWorld, consent_consultation: Any, partner: Any, school: Any
) -> None:
    consult_access.partner_consultation_get(
        partner, consent_consultation.pk, purpose="partner_consultation"
    )
    row = _only_row()
    assert (row.source, row.source_id, row.basis) == (
        "consultation",
        consent_consultation.pk,
        "consent",
    )
    assert (row.recipient, row.organisation, row.person_id, row.case_id) == (
        partner,
        school,
        case_a.case.child_id,
        case_a.case.pk,
    )


def test_partner_reading_a_network_meeting_writes_one_invitation_row(
    case_a: CaseWorld, school_meeting: Any, partner: Any, school: Any
) -> None:
    netmeet_access.partner_network_meeting_get(
        partner, school_meeting.pk, purpose="network_meeting_read"
    )
    row = _only_row()
    assert (row.source, row.source_id, row.basis) == (
        "network_meeting",
        school_meeting.pk,
        "meeting_invitation",
    )
    assert (row.recipient, row.organisation, row.person_id) == (
        partner,
        school,
        case_a.case.child_id,
    )


def test_a_disclosure_written_at_a_past_moment_is_logged_then_and_keeps_the_chain_whole(
    case_a: CaseWorld, partner: Any, school: Any
) -> None:
    """The demo's story logs a partner's read on the day of its meeting (demo/story_reads)."""
    from monia.access.chain import chain_breaks

    then = timezone.now() - datetime.timedelta(days=40)
    services.disclosure_log_write(
        recipient=partner,
        disclosures=[
            services.Disclosure(
                source=DisclosureSource.NETWORK_MEETING,
                source_id=1,
                organisation_id=school.pk,
                person_id=case_a.case.child_id,
                case_id=case_a.case.pk,
                basis="meeting_invitation",
            )
        ],
        purpose="network_meeting_read",
        at=then,
    )
    row = _only_row()
    assert row.at == then
    assert row.chain_seq is not None
    assert chain_breaks() == []


def test_a_grant_row_must_name_its_grant_and_no_other_row_may(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    grant = services.grant_create(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        basis="lsl_41_request",
        scope=["basic"],
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    common: dict[str, Any] = dict(
        recipient=partner,
        organisation=school,
        person_id=case_a.case.child_id,
        case=case_a.case,
        basis="lsl_41_request",
        purpose="partner_case",
    )
    for bad in (
        dict(source="sharing_grant", source_id=grant.pk, grant=None),
        dict(source="consultation", source_id=grant.pk, grant=grant),
        dict(source="sharing_grant", source_id=grant.pk + 1, grant=grant),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            DisclosureLog.objects.create(**common, **bad)


def _other_child_disclosed(world: Any, worker_a: Any, school: Any, partner: Any) -> None:
    """A second child, disclosed to the same partner: never in the first child's list."""
    child = child_create(world.county_a, first="Eero", number=961)
    case = notification(worker_a, child, world.team_a1, at=timezone.now()).case
    services.disclosure_log_write(
        recipient=partner,
        disclosures=[
            services.Disclosure(
                source=DisclosureSource.CONSULTATION,
                source_id=1,
                organisation_id=school.pk,
                person_id=child.pk,
                case_id=case.pk,
                basis="consent",
            )
        ],
        purpose="partner_consultation",
    )


def _age_rows(purpose: str, days: int) -> None:
    with log_triggers_off():  # the log is append-only: backdating plays a superuser
        DisclosureLog.objects.filter(purpose=purpose).update(
            at=timezone.now() - datetime.timedelta(days=days)
        )


def test_disclosures_for_person_lists_every_source_newest_first_since_the_cut_off(
    case_a: CaseWorld,
    world: Any,
    worker_a: Any,
    school: Any,
    partner: Any,
    contribution_request: Any,
    consent_consultation: Any,
    school_meeting: Any,
    django_assert_num_queries: Any,
) -> None:
    contrib_access.contribution_get_for_partner(
        partner, contribution_request.pk, purpose="contribution_task"
    )
    consult_access.partner_consultation_get(
        partner, consent_consultation.pk, purpose="partner_consultation"
    )
    netmeet_access.partner_network_meeting_get(
        partner, school_meeting.pk, purpose="network_meeting_read"
    )
    contrib_access.contribution_get_for_partner(
        partner, contribution_request.pk, purpose="contribution_submit"
    )
    _age_rows("contribution_task", 300)
    _age_rows("partner_consultation", 20)
    _age_rows("contribution_submit", 800)
    _other_child_disclosed(world, worker_a, school, partner)

    with override("en"), django_assert_num_queries(1):
        rows = selectors.disclosures_for_person(
            [case_a.case.child_id], since=timezone.now() - TWO_YEARS
        )
    assert [r.purpose for r in rows] == [
        "network_meeting_read",
        "partner_consultation",
        "contribution_task",
    ]
    assert [r.purpose_label for r in rows] == [
        "The network meeting's details",
        "The consultation question",
        "The request for a statement",
    ]
    assert [r.source_label for r in rows] == [
        "Network meeting",
        "Consultation",
        "Contribution request",
    ]
    assert [r.basis_label for r in rows] == [
        "Invitation to the network meeting",
        "Consent to the named consultation",
        "Consent of the guardian",
    ]
    assert {(r.recipient_name, r.organisation_name) for r in rows} == {
        ("Partner Testinen", "Keskuskoulu")
    }


def test_disclosures_for_person_costs_one_query_however_many_rows(
    case_a: CaseWorld, partner: Any, contribution_request: Any, django_assert_num_queries: Any
) -> None:
    for _ in range(12):
        contrib_access.contribution_get_for_partner(
            partner, contribution_request.pk, purpose="contribution_task"
        )
    with django_assert_num_queries(1):
        rows = selectors.disclosures_for_person(
            [case_a.case.child_id], since=timezone.localdate() - TWO_YEARS
        )
    assert len(rows) == 12


def test_disclosures_for_nobody_ask_the_database_nothing(
    django_assert_num_queries: Any, db: None
) -> None:
    with django_assert_num_queries(0):
        assert selectors.disclosures_for_person([], since=timezone.localdate()) == []


def test_sharing_page_lists_every_source_with_its_label(
    case_a: CaseWorld,
    worker_a: Any,
    partner: Any,
    contribution_request: Any,
    consent_consultation: Any,
    school_meeting: Any,
) -> None:
    partner_client = login("partner", "en")
    partner_client.get(
        reverse("partner_contribution", kwargs={"request_id": contribution_request.pk})
    )
    partner_client.get(reverse("partner_consultation", args=[consent_consultation.pk]))
    partner_client.get(reverse("partner_network_meeting", kwargs={"meeting_id": school_meeting.pk}))
    assert DisclosureLog.objects.count() == 3
    html = (
        login("worker_a", "en").get(reverse("case_sharing", args=[case_a.case.pk])).content.decode()
    )
    for label in (
        "Contribution request",
        "The request for a statement",
        "Consultation",
        "The consultation question",
        "Consent to the named consultation",
        "Network meeting",
        "The network meeting&#x27;s details",
        "Invitation to the network meeting",
    ):
        assert label in html
    finnish = (
        login("worker_a", "fi").get(reverse("case_sharing", args=[case_a.case.pk])).content.decode()
    )
    for label in (
        "Asiayhteys",
        "Lausuntopyyntö",
        "Konsultaatiokysymys",
        "Kutsu verkostopalaveriin",
    ):
        assert label in finnish
