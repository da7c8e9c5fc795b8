"""Who sees what in the participation portal: each kind of client, siblings, hidden
documents, staff pages, and the access log of every read."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from monia.access.models import AccessEvent, AccessLog, Basis
from monia.access.testing import log_backdate, log_read
from monia.conftest import PortalWorld, login, portal_client
from monia.portal import services
from monia.portal.models import ChildPortalAccess

pytestmark = pytest.mark.django_db


def test_young_person_sees_own_matter_and_the_read_is_logged(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.young)
    response = client.get(reverse("portal_home"))
    assert response.status_code == 302
    assert response.url == reverse("portal_case", args=[portal_world.young_case.pk])
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Eetu" in page.content.decode()
    row = AccessLog.objects.filter(case=portal_world.young_case, channel="portal").latest("at")
    assert row.basis == Basis.OWN_DATA and row.person_id == portal_world.young.pk


def test_child_does_not_see_a_siblings_matter(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.young)
    sibling_case = portal_world.cw.case.pk
    for name in (
        "portal_case",
        "portal_plan",
        "portal_decisions",
        "portal_meetings",
        "portal_who_viewed",
    ):
        assert client.get(reverse(name, args=[sibling_case])).status_code == 404, name
    assert client.post(reverse("portal_safety", args=[sibling_case])).status_code == 404


def test_child_under_twelve_has_no_portal_until_the_worker_allows(
    portal_world: PortalWorld,
) -> None:
    assert (
        services.client_user_for_identity_code(portal_world.child.identity_code, method="demo")
        is None
    )
    worker = login("worker_a")
    response = worker.post(
        reverse("case_portal_child_access", args=[portal_world.cw.case.pk]),
        {"allowed": "1"},
    )
    assert response.status_code == 302
    assert ChildPortalAccess.objects.filter(person=portal_world.child).exists()
    client = portal_client(portal_world.child)
    assert client.get(reverse("portal_case", args=[portal_world.cw.case.pk])).status_code == 200


def test_the_coordinator_is_not_told_she_may_allow_the_childs_portal(
    portal_world: PortalWorld, coordinator_a: Any
) -> None:
    """The team coordinator reads the portal page but decides nothing: it told her the
    child cannot use the portal "unless you allow it", with no way to allow it."""
    url = reverse("case_portal", args=[portal_world.cw.case.pk])
    page = login("coordinator_a", "sv").get(url).content.decode()
    assert "om inte en socialarbetare i ärendet tillåter det" in page
    assert "om du inte tillåter det" not in page
    worker_page = login("worker_a", "sv").get(url).content.decode()
    assert "om du inte tillåter det" in worker_page


def test_guardian_sees_both_children_and_chooses(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.guardian)
    home = client.get(reverse("portal_home"))
    assert home.status_code == 200
    text = home.content.decode()
    assert "Aino" in text and "Eetu" in text
    page = client.get(reverse("portal_plan", args=[portal_world.cw.case.pk]))
    assert page.status_code == 200
    # The plan's professional text never shows; its family version does, once approved.
    assert "Koulunkäynti" not in page.content.decode()
    row = AccessLog.objects.filter(case=portal_world.cw.case, channel="portal").latest("at")
    assert row.basis == Basis.GUARDIAN
    _approve(portal_world.cw.case, "plan", "Koulupäivät sujuvat paremmin.")
    page = client.get(reverse("portal_plan", args=[portal_world.cw.case.pk]))
    assert "Koulupäivät sujuvat paremmin." in page.content.decode()


def _approve(case: Any, kind: str, text: str) -> str:
    """worker_a approves a family version of the case's newest document of this kind."""
    from monia.accounts.models import User
    from monia.portal import family_services
    from monia.portal.document_selectors import case_documents

    document = next(d for d in case_documents(case) if d.key.startswith(f"{kind}:"))
    family_services.family_version_approve(
        user=User.objects.get(username="worker_a"),
        case=case,
        document_key=document.key,
        text=text,
    )
    return document.key


def test_guardian_does_not_see_a_document_hidden_from_them(portal_world: PortalWorld) -> None:
    case = portal_world.cw.case
    worker = login("worker_a")
    key = f"measure:{portal_world.cw.emergency.pk}"
    _approve(case, "measure", "Asut nyt turvassa. Paikka on Perhekoti.")
    response = worker.post(
        reverse("case_portal_document_hide", args=[case.pk]),
        {
            "document": key,
            "guardian": str(portal_world.guardian.pk),
            "reason": "Sijaintitieto vaarantaisi lapsen turvallisuuden.",
        },
    )
    assert response.status_code == 302
    guardian = portal_client(portal_world.guardian)
    text = guardian.get(reverse("portal_decisions", args=[case.pk])).content.decode()
    assert "Perhekoti" not in text
    # The child herself (allowed by the worker) still sees it.
    services.child_portal_access_set(
        user=portal_world.cw.case.designated_worker, case=case, allowed=True
    )
    child = portal_client(portal_world.child)
    assert "Perhekoti" in child.get(reverse("portal_decisions", args=[case.pk])).content.decode()


def test_the_guardian_is_told_that_you_in_the_family_texts_means_the_child(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.cw.case
    _approve(case, "measure", "Asut nyt turvassa.")
    said = "Kun niissä sanotaan ”sinä”, se tarkoittaa lastasi."
    guardian = portal_client(portal_world.guardian)
    assert said in guardian.get(reverse("portal_decisions", args=[case.pk])).content.decode()
    services.child_portal_access_set(
        user=portal_world.cw.case.designated_worker, case=case, allowed=True
    )
    child = portal_client(portal_world.child)
    assert said not in child.get(reverse("portal_decisions", args=[case.pk])).content.decode()


def test_hiding_needs_a_reason_and_keeps_what_was_typed(portal_world: PortalWorld) -> None:
    worker = login("worker_a")
    response = worker.post(
        reverse("case_portal_document_hide", args=[portal_world.cw.case.pk]),
        {"document": "", "guardian": str(portal_world.guardian.pk), "reason": ""},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_young_adult_in_aftercare_sees_own_decisions(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.young_adult)
    response = client.get(reverse("portal_decisions", args=[portal_world.adult_case.pk]))
    assert response.status_code == 200
    assert "Jälkihuolto" in response.content.decode()  # the plain title and date
    assert "Nuorisokoti" not in response.content.decode()  # the place: professional text
    _approve(portal_world.adult_case, "measure", "Sait jälkihuoltoa Nuorisokodin jälkeen.")
    response = client.get(reverse("portal_decisions", args=[portal_world.adult_case.pk]))
    assert "Sait jälkihuoltoa Nuorisokodin jälkeen." in response.content.decode()


def test_guardian_of_a_young_adult_sees_nothing_of_the_adult() -> None:
    # Covered by policy: an adult's matters are their own (age >= 18 skips guardians).
    from monia.portal.access import ADULT_AGE

    assert ADULT_AGE == 18


def test_staff_pages_answer_404_to_a_client(portal_world: PortalWorld) -> None:
    client = portal_client(portal_world.young)
    assert client.get(reverse("case_detail", args=[portal_world.young_case.pk])).status_code == 404
    assert client.get(reverse("dashboard")).status_code == 302


def test_safety_button_alerts_the_team_without_content(
    portal_world: PortalWorld, mailoutbox: list
) -> None:
    from monia.notify.models import Notification
    from monia.portal.models import SafetyAlert

    client = portal_client(portal_world.young)
    response = client.post(reverse("portal_safety", args=[portal_world.young_case.pk]))
    assert response.status_code == 200
    assert "112" in response.content.decode()
    assert SafetyAlert.objects.filter(case=portal_world.young_case).count() == 1
    notes = Notification.objects.filter(kind="safety_alert")
    assert notes.filter(user__username="worker_a").exists()
    for n in notes:
        assert "Eetu" not in n.message


def test_who_viewed_lists_the_workers_reads(portal_world: PortalWorld) -> None:
    worker = login("worker_a")
    worker.get(reverse("case_detail", args=[portal_world.young_case.pk]))
    client = portal_client(portal_world.young)
    text = client.get(
        reverse("portal_who_viewed", args=[portal_world.young_case.pk])
    ).content.decode()
    assert "Worker" in text or "worker_a" in text


def test_who_viewed_names_the_workers_county_in_the_readers_language(
    portal_world: PortalWorld,
) -> None:
    county = portal_world.young_case.county
    county.name_sv, county.name_en = "Välfärdsområdet A", "Wellbeing services county A"
    county.save(update_fields=["name_sv", "name_en"])
    login("worker_a").get(reverse("case_detail", args=[portal_world.young_case.pk]))
    url = reverse("portal_who_viewed", args=[portal_world.young_case.pk])
    pages = {
        language: portal_client(portal_world.young, language).get(url).content.decode()
        for language in ("fi", "sv", "en")
    }
    assert f", {county.name_fi}</p>" in pages["fi"]
    assert ", Välfärdsområdet A</p>" in pages["sv"]
    assert ", Wellbeing services county A</p>" in pages["en"]


def _queries(client: object, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)  # type: ignore[attr-defined]
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "name", ["portal_case", "portal_decisions", "portal_plan", "portal_who_viewed"]
)
def test_portal_pages_keep_a_fixed_query_count(portal_world: PortalWorld, name: str) -> None:
    import datetime

    from django.utils import timezone

    from monia.casework import measure_services
    from monia.netmeet import services as netmeet_services

    case = portal_world.cw.case
    worker = case.designated_worker
    guardian = portal_client(portal_world.guardian)
    url = reverse(name, args=[case.pk])
    guardian.get(url)  # warm the session
    before = _queries(guardian, url)
    for n in range(3):
        measure_services.measure_record(
            user=worker,
            case=case,
            kind="community_support",
            support_type="support_person",
            decided_on=timezone.localdate() - datetime.timedelta(days=n + 1),
            started_on=timezone.localdate() - datetime.timedelta(days=n + 1),
        )
        netmeet_services.meeting_plan(
            user=worker,
            case=case,
            held_at=timezone.now() + datetime.timedelta(days=n + 1),
            place="Koulu",
            agenda="Tuki",
        )
        login("worker_a").get(reverse("case_detail", args=[case.pk]))
    assert _queries(guardian, url) == before


def test_who_viewed_shows_two_years_and_no_older(portal_world: PortalWorld) -> None:
    import datetime

    from django.utils import timezone

    worker = login("worker_a")
    worker.get(reverse("case_detail", args=[portal_world.young_case.pk]))
    # Backdated as a superuser could (the log is append-only): the events and their
    # person rows.
    log_backdate(
        AccessEvent.objects.filter(case=portal_world.young_case),
        timezone.now() - datetime.timedelta(days=365 * 2 + 5),
    )
    worker.get(reverse("case_chronology", args=[portal_world.young_case.pk]))
    client = portal_client(portal_world.young, language="en")
    text = client.get(
        reverse("portal_who_viewed", args=[portal_world.young_case.pk])
    ).content.decode()
    assert "What has happened, in time order" in text
    assert "Case page" not in text and "The main facts of the child's matter" not in text


def test_the_admin_site_does_not_list_portal_clients(
    portal_world: PortalWorld, admin: object
) -> None:
    from monia.accounts.models import User

    portal_client(portal_world.young)
    client_user = User.objects.get(role="client")
    site = login("admin")
    listing = site.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Eetu" not in listing and client_user.username not in listing
    change = site.get(reverse("admin:accounts_user_change", args=[client_user.pk]))
    assert change.status_code in (302, 404)


def test_actions_of_a_meeting_record_hidden_from_a_guardian_are_hidden_too(
    portal_world: PortalWorld,
) -> None:
    import datetime

    from django.utils import timezone

    from monia.netmeet import services as netmeet_services

    case = portal_world.cw.case
    worker = case.designated_worker
    now = timezone.now()
    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=now - datetime.timedelta(days=1),
        place="Koulu",
        agenda="Tuki",
        now=now - datetime.timedelta(days=2),
    )
    netmeet_services.meeting_record(
        user=worker,
        meeting=meeting,
        minutes="Sovittiin.",
        family_view="Hyvä.",
        child_view="Haluan turvallisen kodin.",
        actions=[
            {
                "description": "Järjestää tapaamisen turvakodissa",
                "owner_name": "Sanna",
                "owner_organisation": None,
                "due_on": timezone.localdate() + datetime.timedelta(days=7),
            }
        ],
    )
    guardian = portal_client(portal_world.guardian)
    for name in ("portal_case", "portal_plan"):
        page = guardian.get(reverse(name, args=[case.pk])).content.decode()
        assert "turvakodissa" not in page, name  # not before the record's family version
    _approve(case, "netmeet", "Tapasimme ja sovimme, kuka tekee mitä.")
    for name in ("portal_case", "portal_plan"):
        page = guardian.get(reverse(name, args=[case.pk])).content.decode()
        assert "turvakodissa" in page, name
    services.document_hide(
        user=worker,
        case=case,
        document_key=f"netmeet:{meeting.pk}",
        guardian=portal_world.guardian,
        reason="Turvakodin tieto ei saa päätyä huoltajalle.",
    )
    for name in ("portal_case", "portal_plan", "portal_decisions"):
        page = guardian.get(reverse(name, args=[case.pk])).content.decode()
        assert "turvakodissa" not in page, name


def test_a_meeting_hidden_from_a_guardian_does_not_show_its_place_or_open_my_voice(
    portal_world: PortalWorld,
) -> None:
    import datetime

    from django.utils import timezone

    from monia.netmeet import services as netmeet_services

    case = portal_world.cw.case
    worker = case.designated_worker
    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Turvakoti Esimerkki",
        agenda="Turvallisuussuunnitelma",
    )
    guardian = portal_client(portal_world.guardian)
    assert "Turvakoti" in guardian.get(reverse("portal_meetings", args=[case.pk])).content.decode()
    services.document_hide(
        user=worker,
        case=case,
        document_key=f"netmeet:{meeting.pk}",
        guardian=portal_world.guardian,
        reason="Lapsen olinpaikka ei saa paljastua.",
    )
    for name in ("portal_case", "portal_meetings", "portal_decisions", "portal_voice"):
        page = guardian.get(reverse(name, args=[case.pk])).content.decode()
        assert "Turvakoti" not in page, name
    voice = reverse("portal_voice", args=[case.pk]) + f"?meeting={meeting.pk}"
    assert guardian.get(voice).status_code == 404
    # The child (let in by the worker) still sees her own meeting.
    services.child_portal_access_set(user=worker, case=case, allowed=True)
    child = portal_client(portal_world.child)
    assert "Turvakoti" in child.get(reverse("portal_meetings", args=[case.pk])).content.decode()
    assert child.get(voice).status_code == 200


def test_who_viewed_shows_the_whole_log_a_page_at_a_time(portal_world: PortalWorld) -> None:
    import datetime

    from django.utils import timezone

    from monia.access.models import AccessLog as Log
    from monia.accounts.models import User
    from monia.portal.log_selectors import LOG_PER_PAGE

    case = portal_world.young_case
    worker = User.objects.get(username="worker_a")
    now = timezone.now()
    # One read a day: each day is an entry of its own (several reads of one day are one).
    for n in range(LOG_PER_PAGE * 2 + 7):
        log_read(
            user=worker,
            person=case.child,
            case=case,
            basis="team_member",
            at=now - datetime.timedelta(days=n + 1),
        )
    client = portal_client(portal_world.young, language="en")
    url = reverse("portal_who_viewed", args=[case.pk])
    seen = 0
    for page in (1, 2, 3):
        text = client.get(url, {"page": page}).content.decode()
        seen += text.count('class="log-entry"')
        assert ("Older" in text) == (page < 3)
        assert f"This is page {page} of 3." in text
    days = {
        (r.user_id, timezone.localdate(r.at))
        for r in Log.objects.filter(person_id=case.child_id).exclude(user__role="client")
    }
    assert seen == len(days)  # every reader on every day, once; the client's own reads not
    assert client.get(url, {"page": "x"}).status_code == 200


def test_demo_identification_is_off_unless_turned_on(
    portal_world: PortalWorld, settings: object
) -> None:
    from django.test import Client

    settings.MONIA_DEMO_IDENTIFICATION = False  # type: ignore[attr-defined]
    anonymous = Client()
    url = reverse("portal_demo_login")
    assert anonymous.get(url).status_code == 404
    code = portal_world.young.identity_code
    assert anonymous.post(url, {"identity_code": code}).status_code == 404
    assert url not in anonymous.get(reverse("portal_login")).content.decode()
    settings.MONIA_DEMO_IDENTIFICATION = True  # type: ignore[attr-defined]
    page = anonymous.get(url).content.decode()
    assert "demo-warning" in page
    assert anonymous.post(url, {"identity_code": code}).status_code == 302


def test_demo_identification_lists_only_synthetic_identity_codes(
    portal_world: PortalWorld, settings: object
) -> None:
    from monia.portal.demo import demo_clients

    clients = demo_clients()
    assert {c.kind for c in clients} == {"young_person", "young_adult", "guardian"}
    assert all(900 <= int(c.identity_code[7:10]) <= 999 for c in clients)


def test_plan_page_tells_when_a_support_measure_ends_not_that_it_meets_next_then(
    portal_world: PortalWorld,
) -> None:
    """A community-support measure has an end, not a next appointment: the family read
    "Next time 31.5." for the day the peer group ends, and an empty "Who gives it"."""
    import datetime

    from django.utils import timezone

    from monia.accounts.models import User
    from monia.casework.models import Measure, MeasureKind

    case = portal_world.cw.case
    today = timezone.localdate()
    ends = today + datetime.timedelta(days=90)
    Measure.objects.create(
        case=case,
        kind=MeasureKind.COMMUNITY_SUPPORT,
        support_type="peer_group",
        decided_on=today,
        started_on=today,
        expires_on=ends,
        recorded_by=User.objects.get(username="worker_a"),
    )
    _approve(case, "plan", "Koulupäivät sujuvat paremmin.")
    page = portal_client(portal_world.guardian, language="en").get(
        reverse("portal_plan", args=[case.pk])
    )
    row = page.content.decode().split("<td>Peer group</td>")[1].split("</tr>")[0]
    assert row == f"<td>–</td><td>Ends {ends:%-d.%-m.%Y}</td>"
