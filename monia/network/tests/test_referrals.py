"""Referrals: the state machine, time to support, waits against the target, the pages."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.casework.models import Case
from monia.conftest import PASSWORD, CaseWorld
from monia.conftest import login as client_for
from monia.network import referral_selectors as selectors
from monia.network import referral_services as services
from monia.network.models import Organisation, Referral

HKI = ZoneInfo("Europe/Helsinki")


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


@pytest.fixture
def clinic(world: Any) -> Organisation:
    return Organisation.objects.create(
        county=world.county_a, name="Nuorisopsykiatria", sector="child_psychiatry"
    )


def make(case_a: CaseWorld, clinic: Organisation, **extra: Any) -> Referral:
    data: dict[str, Any] = {
        "service": "Nuorisopsykiatrinen arvio",
        "need_identified_on": datetime.date(2026, 1, 5),
        "referred_at": at("2026-01-07T10:00+02:00"),
        "contact_person": "Hoitaja Helena",
    }
    data.update(extra)
    return services.referral_create(
        user=case_a.case.designated_worker, case=case_a.case, organisation=clinic, **data
    )


def test_steps_follow_in_order_and_state_comes_from_timestamps(case_a, clinic) -> None:
    r = make(case_a, clinic)
    assert r.state == "referred"
    r = services.referral_advance(referral=r, step="accepted", at=at("2026-01-10T12:00+02:00"))
    r = services.referral_advance(referral=r, step="first_contact", at=at("2026-02-04T09:00+02:00"))
    r = services.referral_advance(referral=r, step="ongoing", at=at("2026-02-11T09:00+02:00"))
    assert r.state == "ongoing"
    r = services.referral_advance(
        referral=r,
        step="ended",
        at=at("2026-03-01T09:00+02:00"),
        end_reason="Tavoitteet saavutettu",
    )
    assert r.state == "ended" and services.next_steps(r) == []


def test_skipping_a_step_is_refused(case_a, clinic) -> None:
    r = make(case_a, clinic)
    with pytest.raises(ValidationError) as exc:
        services.referral_advance(referral=r, step="first_contact", at=at("2026-01-20T09:00+02:00"))
    assert "step" in exc.value.message_dict
    r.refresh_from_db()
    assert r.first_contact_at is None


def test_back_dating_and_future_times_are_refused(case_a, clinic) -> None:
    r = make(case_a, clinic)
    with pytest.raises(ValidationError) as exc:
        services.referral_advance(referral=r, step="accepted", at=at("2026-01-07T09:59+02:00"))
    assert "at" in exc.value.message_dict
    future = timezone.now() + datetime.timedelta(hours=1)
    with pytest.raises(ValidationError):
        services.referral_advance(referral=r, step="accepted", at=future)


def test_ending_needs_a_reason(case_a, clinic) -> None:
    r = make(case_a, clinic)
    with pytest.raises(ValidationError) as exc:
        services.referral_advance(referral=r, step="ended", at=at("2026-01-08T09:00+02:00"))
    assert "end_reason" in exc.value.message_dict


def test_the_database_refuses_out_of_order_timestamps(case_a, clinic) -> None:
    r = make(case_a, clinic)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=r.pk).update(first_contact_at=at("2026-01-20T09:00+02:00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=r.pk).update(accepted_at=at("2026-01-06T09:00+02:00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=r.pk).update(ended_at=at("2026-01-08T09:00+02:00"))


def test_time_to_support_reconciles_with_the_raw_timestamps(case_a, clinic) -> None:
    r = make(case_a, clinic)
    r = services.referral_advance(referral=r, step="accepted", at=at("2026-01-10T12:00+02:00"))
    r = services.referral_advance(referral=r, step="first_contact", at=at("2026-02-04T09:00+02:00"))
    r.refresh_from_db()
    assert selectors.time_to_support(r) == 30
    raw = r.first_contact_at.astimezone(HKI).date() - r.need_identified_on
    assert selectors.time_to_support(r) == raw.days


def test_time_to_support_counts_helsinki_dates_across_the_spring_dst_change(case_a, clinic) -> None:
    # Clocks go forward on 29.3.2026; 00:30 EEST on 31.3. is still 30.3. in UTC.
    r = make(
        case_a,
        clinic,
        need_identified_on=datetime.date(2026, 3, 1),
        referred_at=at("2026-03-02T10:00+02:00"),
    )
    r = services.referral_advance(referral=r, step="accepted", at=at("2026-03-03T10:00+02:00"))
    r = services.referral_advance(referral=r, step="first_contact", at=at("2026-03-31T00:30+03:00"))
    r.refresh_from_db()
    assert r.first_contact_at.astimezone(datetime.UTC).date() == datetime.date(2026, 3, 30)
    assert selectors.time_to_support(r) == 30
    assert (
        selectors.time_to_support(r)
        == (r.first_contact_at.astimezone(HKI).date() - r.need_identified_on).days
    )


def test_waits_over_the_target_are_flagged(case_a, clinic, settings) -> None:
    settings.MONIA_SUPPORT_TARGET_DAYS = 30
    make(case_a, clinic, service="Late", need_identified_on=datetime.date(2026, 1, 5))
    make(
        case_a,
        clinic,
        service="On time",
        need_identified_on=datetime.date(2026, 1, 20),
        referred_at=at("2026-01-21T10:00+02:00"),
    )
    waits = selectors.referral_waits(
        Case.objects.filter(pk=case_a.case.pk), today=datetime.date(2026, 2, 5)
    )
    by_service = {w.referral.service: w for w in waits}
    assert by_service["Late"].days == 31 and by_service["Late"].late
    assert by_service["On time"].days == 16 and not by_service["On time"].late


def test_referral_to_another_countys_organisation_is_refused(case_a, world) -> None:
    elsewhere = Organisation.objects.create(
        county=world.county_b, name="Muu klinikka", sector="child_psychiatry"
    )
    with pytest.raises(ValidationError) as exc:
        make(case_a, elsewhere)
    assert "organisation" in exc.value.message_dict


def test_other_team_gets_404_on_the_pages(case_a, clinic, other_team) -> None:
    r = make(case_a, clinic)
    client = client_for("other_team")
    pk = case_a.case.pk
    for url in (
        reverse("case_referrals", args=[pk]),
        reverse("referral_new", args=[pk]),
        reverse("referral_advance", args=[pk, r.pk]),
    ):
        assert client.get(url).status_code == 404
    response = client.post(
        reverse("referral_advance", args=[pk, r.pk]),
        {"action": "advance", "step": "accepted", "at": "2026-01-10T12:00"},
    )
    assert response.status_code == 404
    r.refresh_from_db()
    assert r.accepted_at is None


def test_worker_records_a_referral_and_its_next_step_through_the_pages(
    case_a, clinic, settings
) -> None:
    client = client_for("worker_a")
    pk = case_a.case.pk
    response = client.post(
        reverse("referral_new", args=[pk]),
        {
            "organisation": clinic.pk,
            "service": "Päihdetyö",
            "need_identified_on": "2026-01-05",
            "referred_at": "2026-01-07T10:00",
            "contact_person": "Hoitaja Helena",
        },
    )
    assert response.status_code == 302
    r = Referral.objects.get(case=case_a.case)
    response = client.post(
        reverse("referral_advance", args=[pk, r.pk]),
        {"action": "advance", "step": "accepted", "at": "2026-01-06T12:00"},
    )
    assert response.status_code == 200  # back-dated: the form shows the error
    r.refresh_from_db()
    assert r.accepted_at is None
    response = client.post(
        reverse("referral_advance", args=[pk, r.pk]),
        {"action": "advance", "step": "accepted", "at": "2026-01-10T12:00"},
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.accepted_at == at("2026-01-10T12:00+02:00")
    page = client.get(reverse("case_referrals", args=[pk])).content.decode()
    assert "Päihdetyö" in page and "Hoitaja Helena" in page and 'class="late"' in page


def test_coordinated_view_query_count_does_not_grow_with_referrals(
    case_a, clinic, worker_a
) -> None:
    from monia.casework import measure_services

    measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="community_support",
        support_type="therapy",
        decided_on=timezone.localdate(),
        started_on=timezone.localdate(),
        place="Perheneuvola",
    )
    client = client_for("worker_a")
    url = reverse("case_referrals", args=[case_a.case.pk])

    def count(n: int) -> int:
        while Referral.objects.count() < n:
            make(case_a, clinic, service=f"Palvelu {Referral.objects.count()}")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count("<td>Palvelu ") == n
        return len(ctx.captured_queries)

    assert count(2) == count(6)
    rows = selectors.coordinated_services(case_a.case, timezone.localdate())
    assert any(row.referral is None and row.provider == "Perheneuvola" for row in rows)


def test_referral_and_its_steps_are_in_the_chronology_in_the_readers_language(
    case_a: CaseWorld, clinic: Organisation
) -> None:
    from django.utils import translation

    r = make(case_a, clinic)
    services.referral_advance(
        referral=r,
        step="accepted",
        at=at("2026-01-10T12:00+02:00"),
        user=case_a.case.designated_worker,
    )
    events = case_a.case.events.filter(kind__in=["referral_made", "referral_step"])
    assert [e.kind for e in events] == ["referral_made", "referral_step"]
    step = events.get(kind="referral_step")
    with translation.override("en"):
        assert step.detail_display == "Accepted"
    assert step.occurred_at == at("2026-01-10T12:00+02:00")


def test_the_client_plan_page_lists_the_services_around_the_child(
    case_a: CaseWorld, clinic: Organisation
) -> None:
    from django.urls import reverse

    make(case_a, clinic)
    client = Client()
    client.login(username="worker_a", password=PASSWORD)
    html = client.get(reverse("plan_edit", args=[case_a.case.pk])).content.decode()
    assert "Nuorisopsykiatrinen arvio – Nuorisopsykiatria (Hoitaja Helena)" in html
