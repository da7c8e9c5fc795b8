"""Issue 10 item 16: "who has seen my data" is one entry per person and day, without the
client's own reads, in words a 13-year-old reads, and still every reader on every day of
the last two years (703/2023 § 11)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.log_writes import Read, reads_log
from monia.access.models import AccessLog, Basis
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.conftest import PortalWorld, login, portal_client

pytestmark = pytest.mark.django_db


def _entries(text: str) -> int:
    return text.count('class="log-entry"')


def test_a_worker_opening_her_dashboard_again_and_again_is_one_entry_of_the_day(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.young_case
    worker = login("worker_a")
    for _ in range(4):
        assert worker.get(reverse("dashboard")).status_code == 200
    worker.get(reverse("case_detail", args=[case.pk]))
    reads = AccessLog.objects.filter(user__username="worker_a", person=case.child).count()
    assert reads >= 5

    text = portal_client(portal_world.young, language="en").get(
        reverse("portal_who_viewed", args=[case.pk])
    )
    page = text.content.decode()
    assert _entries(page) == 1
    assert f"({reads} times)" in page
    assert "The child&#x27;s name on the worker&#x27;s list" in page
    assert "The main facts of the child&#x27;s matter" in page


def test_the_clients_own_reads_are_left_out_and_the_page_says_so(
    portal_world: PortalWorld,
) -> None:
    case = portal_world.young_case
    young = portal_client(portal_world.young, language="en")
    for name in ("portal_case", "portal_plan", "portal_decisions", "portal_meetings"):
        young.get(reverse(name, args=[case.pk]))
    page = young.get(reverse("portal_who_viewed", args=[case.pk])).content.decode()
    assert "Your own looks are not on the list." in page
    assert _entries(page) == 0
    assert "Nobody else has looked at the data yet." in page

    # His mother reads his matter: he sees that, and she does not see her own reads.
    mother = portal_client(portal_world.guardian, language="en")
    mother.get(reverse("portal_plan", args=[case.pk]))
    page = young.get(reverse("portal_who_viewed", args=[case.pk])).content.decode()
    assert _entries(page) == 1
    assert "Maija Esimerkki (guardian)" in page
    # Nor does she see his: how often a young person reads his own matter is his own.
    page = mother.get(reverse("portal_who_viewed", args=[case.pk])).content.decode()
    assert "Eetu Esimerkki" not in page
    assert "(guardian)" not in page
    assert _entries(page) == 0
    assert "The child's own looks are not on the list either" in page
    # The young person is not told so: his page has no such sentence.
    page = young.get(reverse("portal_who_viewed", args=[case.pk])).content.decode()
    assert "own looks are not on the list either" not in page


def _disclosure(case: Any, partner: User, school: object, **at: Any) -> None:
    """One consultation's disclosure of the child's data to the school's partner."""
    from monia.network.models import DisclosureLog

    DisclosureLog.objects.create(
        **at,
        source="consultation",
        source_id=1,
        recipient=partner,
        organisation=school,
        person=case.child,
        case=case,
        basis="child_consent",
        purpose="partner_consultation",
    )


def test_disclosures_to_one_partner_on_one_day_are_one_entry(
    portal_world: PortalWorld, partner: User, school: object
) -> None:
    case = portal_world.young_case
    for _ in range(3):
        _disclosure(case, partner, school)
    page = portal_client(portal_world.young, language="en").get(
        reverse("portal_who_viewed", args=[case.pk])
    )
    text = page.content.decode()
    assert _entries(text) == 1
    assert "Was given" in text and "(3 times)" in text


def test_the_workers_title_is_in_the_readers_language(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    User.objects.filter(username="worker_a").update(
        title="Sosiaalityöntekijä", title_sv="Socialarbetare", title_en="Social worker"
    )
    login("worker_a").get(reverse("case_detail", args=[case.pk]))
    for language, title in (("fi", "Sosiaalityöntekijä"), ("sv", "Socialarbetare")):
        page = portal_client(portal_world.young, language=language).get(
            reverse("portal_who_viewed", args=[case.pk])
        )
        assert f"Worker_A Testinen ({title})" in page.content.decode()


def test_the_reasons_are_in_plain_words(portal_world: PortalWorld) -> None:
    case = portal_world.young_case
    login("worker_a").get(reverse("case_detail", args=[case.pk]))
    page = portal_client(portal_world.young, language="fi").get(
        reverse("portal_who_viewed", args=[case.pk])
    )
    text = page.content.decode()
    assert "Lapsen asian tärkeimmät tiedot" in text


def _years_ago(years: int) -> datetime.datetime:
    now = timezone.now()
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def test_reads_and_disclosures_of_the_last_two_years_are_shown_and_older_ones_not(
    portal_world: PortalWorld, worker_a: User, partner: User, school: object
) -> None:
    """703/2023 § 11: the log of the previous two years is given; an older one is not
    (it needs a special reason, asked from the county)."""
    case = portal_world.young_case
    inside = _years_ago(2) + datetime.timedelta(hours=1)
    outside = _years_ago(2) - datetime.timedelta(days=2)
    for at in (inside, outside):
        reads_log(
            user_id=worker_a.pk,
            county_id=case.county_id,
            purpose=Purpose.CASE_DETAIL,
            reads=[Read(case.child_id, case.pk, Basis.DESIGNATED_WORKER)],
            at=at,
        )
        _disclosure(case, partner, school, at=at)

    page = portal_client(portal_world.young, language="en").get(
        reverse("portal_who_viewed", args=[case.pk])
    )
    text = page.content.decode()
    assert _entries(text) == 2  # the read and the disclosure of two years ago, no older
    assert "Was given" in text
    assert "Worker_A Testinen" in text
