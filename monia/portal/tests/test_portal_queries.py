"""The portal's pages cost the same queries with N documents (decisions, measures, meeting
records and invitations, each with its family version, some hidden from the guardian or
asked about by the young person) as with 3N — for the young person and for his guardian —
and "who has seen my data" the same with N readers and disclosures as with 3N. The worker's
portal page of the case too, with the young person's requests and safety alerts."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.testing import log_read, log_triggers_off
from monia.accounts.models import Role, User
from monia.casework import measure_services, plan_services, services
from monia.casework.models import Case
from monia.conftest import (
    HEARD,
    PortalWorld,
    days_ago,
    login,
    make_user,
    notification,
    portal_client,
)
from monia.netmeet import services as netmeet_services
from monia.network.models import DisclosureLog, DisclosureSource, Organisation
from monia.network.services import Disclosure, disclosure_log_write
from monia.portal import access as portal_access
from monia.portal import family_services
from monia.portal import services as portal_services
from monia.portal.document_selectors import case_documents
from monia.voice import services as voice_services

N = 2
TODAY = timezone.localdate
pytestmark = pytest.mark.django_db


def _worker() -> User:
    return User.objects.get(username="worker_a")


def _young_client(pw: PortalWorld) -> Case:
    """Eetu's matter made a client's, with an approved plan and its family version."""
    worker = _worker()
    case = pw.young_case
    intake = case.intakes.get()
    services.intake_decide(
        user=worker,
        intake=intake,
        decision="start_assessment",
        decided_on=TODAY() - datetime.timedelta(days=15),
        family_told_on=None,
    )
    services.assessment_complete(
        user=worker,
        assessment=case.assessments.get(),
        completed_on=TODAY() - datetime.timedelta(days=5),
        conclusion="child_welfare_client",
        summary="Tarvitaan tukea.",
        hearing={**HEARD, "heard_on": TODAY() - datetime.timedelta(days=6)},
    )
    case = Case.objects.get(pk=case.pk)
    plan = plan_services.plan_save(
        user=worker,
        case=case,
        lock_version=0,
        approve=True,
        data={
            "service_needs": "Tuki arkeen",
            "circumstances": "Koulunkäynti",
            "services": "Perhetyö",
            "goal_time_estimate": "6 kk",
            "no_differing_views": True,
            "child_meetings": "Tapaamiset koululla",
            "child_meeting_interval_weeks": 4,
            "review_due": TODAY() + datetime.timedelta(days=180),
        },
    )
    family_services.family_version_approve(
        user=worker, case=case, document_key=f"plan:{plan.pk}", text="Saat tukea kouluun."
    )
    return case


def _young_pc(pw: PortalWorld, case: Case) -> tuple[User, portal_access.PortalCase]:
    user = portal_services.client_user_for_identity_code(pw.young.identity_code, method="demo")
    assert user is not None
    return user, portal_access.PortalCase(case, portal_access.PortalKind.YOUNG_PERSON, pw.young)


def _grow(pw: PortalWorld, case: Case, *, start: int, n: int) -> None:
    """``n`` of each, in Eetu's matter: a notification handled within the client
    relationship, a measure, a network meeting held (with an agreed action) and one coming,
    each record with its family version; the decision hidden from his mother, the measure
    asked about by Eetu; a My voice answer he asked to keep from her; a safety alert."""
    worker = _worker()
    young_user, pc = _young_pc(pw, case)
    now = timezone.now()
    for i in range(start, start + n):
        intake = notification(worker, pw.young, case.team, at=days_ago(4))
        services.intake_decide(
            user=worker,
            intake=intake,
            decision="client_relationship",
            decided_on=TODAY(),
            family_told_on=TODAY(),
            client_action=f"Suunnitelma tarkistetaan {i}.",
        )
        measure = measure_services.measure_record(
            user=worker,
            case=case,
            kind="community_support",
            support_type="intensified_family_work",
            decided_on=TODAY(),
            started_on=TODAY(),
            place=f"Perhetyö {i}",
            hearing={**HEARD, "heard_on": timezone.localdate()},
        )
        held = netmeet_services.meeting_plan(
            user=worker,
            case=case,
            held_at=now - datetime.timedelta(days=1, minutes=i),
            place="Koulu",
            agenda="Tuki",
            now=now - datetime.timedelta(days=2),
        )
        netmeet_services.meeting_record(
            user=worker,
            meeting=held,
            minutes="Sovittiin tuesta.",
            family_view="Hyvä.",
            child_view="Haluan jatkaa koulussa.",
            actions=[
                {
                    "description": f"Tukiopetus {i}",
                    "owner_name": "Opettaja",
                    "owner_organisation": None,
                    "due_on": TODAY() + datetime.timedelta(days=7),
                }
            ],
        )
        netmeet_services.meeting_plan(
            user=worker,
            case=case,
            held_at=now + datetime.timedelta(days=7 + i),
            place="Sosiaalitoimisto",
            agenda="Seuraava",
        )
        for key in (f"intake:{intake.pk}", f"measure:{measure.pk}", f"netmeet:{held.pk}"):
            family_services.family_version_approve(
                user=worker, case=case, document_key=key, text=f"Selkeä versio {key}."
            )
        portal_services.document_hide(
            user=worker,
            case=case,
            document_key=f"intake:{intake.pk}",
            guardian=pw.guardian,
            reason="Vaarantaisi lapsen.",
        )
        portal_services.document_restriction_request(
            user=young_user, portal_case=pc, document_key=f"measure:{measure.pk}"
        )
        entry = voice_services.voice_entry_give(
            user=young_user,
            portal_case=pc,
            meeting=None,
            answers={"home": 4, "adults_know": f"Aamut ovat vaikeita {i}."},
        )
        voice_services.voice_restriction_request(user=young_user, portal_case=pc, entry_id=entry.pk)
        portal_services.safety_alert_raise(user=young_user, portal_case=pc)


def _documents(case: Case) -> int:
    return sum(1 for d in case_documents(case) if d.kind in ("decision", "meeting"))


PORTAL_PAGES = ("portal_case", "portal_decisions", "portal_plan")


def _measure_pages(client: Any, case: Case, counts: dict[str, int], assert_num: Any) -> dict:
    measured = {}
    for name in PORTAL_PAGES:
        with assert_num(counts[name]) as captured:
            response = client.get(reverse(name, args=[case.pk]))
        assert response.status_code == 200
        measured[name] = (len(captured.captured_queries), response.content.decode())
    return measured


@pytest.mark.parametrize(
    ("persona", "counts"),
    [
        # portal_case: the development network's offers (issue 16) — the client's open
        # feedback questions (1); the events and peer groups for the client: their matters
        # once for the counties (portal_cases_of_request: 3, a guardian's 4), the events (1),
        # the peer groups and the client's memberships (2).
        ("young", {"portal_case": 33, "portal_decisions": 21, "portal_plan": 25}),
        ("guardian", {"portal_case": 36, "portal_decisions": 22, "portal_plan": 27}),
    ],
)
def test_the_portals_document_pages_do_not_grow_with_the_documents(
    portal_world: PortalWorld, persona: str, counts: dict[str, int], django_assert_num_queries: Any
) -> None:
    case = _young_client(portal_world)
    client = portal_client(getattr(portal_world, persona))
    _grow(portal_world, case, start=0, n=N)
    client.get(reverse("portal_case", args=[case.pk]))  # one-time caches
    small = _measure_pages(client, case, counts, django_assert_num_queries)
    small_docs = small["portal_decisions"][1].count('class="card" aria-labelledby="doc-')
    _grow(portal_world, case, start=N, n=2 * N)
    large = _measure_pages(client, case, counts, django_assert_num_queries)
    large_docs = large["portal_decisions"][1].count('class="card" aria-labelledby="doc-')
    # The guardian does not see the decisions hidden from her: N fewer, then 3N fewer.
    hidden = 2 * N if persona == "guardian" else 0
    assert large_docs - small_docs == 3 * 2 * N - hidden
    assert {k: v[0] for k, v in large.items()} == {k: v[0] for k, v in small.items()}


def _readers_grow(pw: PortalWorld, case: Case, *, start: int, n: int) -> None:
    """``n`` days on each of which another social worker read Eetu's matter (twice, for two
    purposes) and another organisation's partner was given his data."""
    for i in range(start, start + n):
        day = timezone.now() - datetime.timedelta(days=i + 1)
        reader = make_user(
            f"lukija{i}",
            Role.SOCIAL_WORKER,
            pw.young_case.county,
            case.team,
            title="Sosiaalityöntekijä",
        )
        for purpose in ("case_detail", "dashboard"):
            log_read(
                user=reader,
                person=case.child,
                case=case,
                purpose=purpose,
                basis="team_member",
                at=day,
            )
        organisation = Organisation.objects.create(
            county=case.county, name=f"Koulu {i}", sector="school"
        )
        partner = make_user(
            f"kumppani{i}", Role.PARTNER, case.county, None, organisation=organisation
        )
        written = disclosure_log_write(
            recipient=partner,
            disclosures=[
                Disclosure(
                    source=DisclosureSource.CONSULTATION,
                    source_id=i,
                    organisation_id=organisation.pk,
                    person_id=case.child_id,
                    case_id=case.pk,
                    basis="consent",
                )
            ],
            purpose="partner_consultation",
        )
        with log_triggers_off():  # backdated as a superuser could: the log is append-only
            DisclosureLog.objects.filter(pk__in=[d.pk for d in written]).update(at=day)


@pytest.mark.parametrize(("persona", "count"), [("young", 14), ("guardian", 15)])
def test_who_has_seen_my_data_does_not_grow_with_the_readers(
    portal_world: PortalWorld, persona: str, count: int, django_assert_num_queries: Any
) -> None:
    case = portal_world.young_case
    client = portal_client(getattr(portal_world, persona))
    url = reverse("portal_who_viewed", args=[case.pk])
    _readers_grow(portal_world, case, start=0, n=N)
    client.get(url)  # one-time caches
    with django_assert_num_queries(count) as small:
        html = client.get(url).content.decode()
    small_entries = html.count('class="log-entry"')
    _readers_grow(portal_world, case, start=N, n=2 * N)
    with django_assert_num_queries(count) as large:
        html = client.get(url).content.decode()
    assert html.count('class="log-entry"') - small_entries == 2 * 2 * N
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_workers_portal_page_does_not_grow_with_documents_requests_and_alerts(
    portal_world: PortalWorld, django_assert_num_queries: Any
) -> None:
    """Before the voice tag read the entries of all open requests at once, each My voice
    request cost a query of its own (21 queries with 2 requests, 25 with 6)."""
    case = _young_client(portal_world)
    client = login("worker_a")
    url = reverse("case_portal", args=[case.pk])
    _grow(portal_world, case, start=0, n=N)
    client.get(url)  # one-time caches
    with django_assert_num_queries(20) as small:
        html = client.get(url).content.decode()
    assert html.count("Aamut ovat vaikeita") == N
    _grow(portal_world, case, start=N, n=2 * N)
    with django_assert_num_queries(20) as large:
        html = client.get(url).content.decode()
    assert html.count("Aamut ovat vaikeita") == 3 * N
    assert html.count('name="req-document"') == 2 * 3 * N  # a measure and an answer each
    assert len(large.captured_queries) == len(small.captured_queries)
