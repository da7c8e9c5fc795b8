"""The case page shows the newest intakes and those still awaiting a decision; the rest are a
link away (``?intakes=all``), for the same queries."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.casework import selectors
from monia.casework.models import Intake
from monia.conftest import CaseWorld, days_ago, login, notification


def _intakes(html: str) -> int:
    section = html.split('id="intakes-h"')[1].split("</section>")[0]
    return section.count('<article class="item">')


def _ten_newer_decided(world: Any, worker: Any, case_world: CaseWorld) -> None:
    """Ten newer intakes, decided: the case's two older decided ones fall off the page, its
    undecided one (two days old) does not."""
    new = [
        notification(worker, case_world.case.child, world.team_a1, at=days_ago(1)).pk
        for _ in range(selectors.INTAKES_SHOWN)
    ]
    Intake.objects.filter(pk__in=new).update(decision="no_action", decided_on=timezone.localdate())


def test_the_case_page_shows_the_newest_intakes_and_those_awaiting_a_decision(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    _ten_newer_decided(world, worker_a, case_a)
    assert case_a.case.intakes.count() == selectors.INTAKES_SHOWN + 3
    client = login("worker_a", "en")
    url = reverse("case_detail", args=[case_a.case.pk])
    html = client.get(url).content.decode()
    assert _intakes(html) == selectors.INTAKES_SHOWN + 1  # the undecided one too
    assert "11 of 13 intakes shown" in html
    assert f'href="{url}?intakes=all#intakes-h">Show all intakes</a>' in html
    assert reverse("intake_decision", args=[case_a.case.pk, case_a.pending_intake.pk]) in html


def test_every_intake_is_a_link_away_for_the_same_queries(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    _ten_newer_decided(world, worker_a, case_a)
    client = login("worker_a", "en")
    url = reverse("case_detail", args=[case_a.case.pk])
    client.get(url)  # one-time caches
    with CaptureQueriesContext(connection) as newest:
        client.get(url)
    with CaptureQueriesContext(connection) as every:
        html = client.get(url + "?intakes=all").content.decode()
    assert _intakes(html) == selectors.INTAKES_SHOWN + 3
    assert "Show all intakes" not in html
    assert f'href="{url}#intakes-h">Show only the newest intakes</a>' in html
    assert len(every.captured_queries) == len(newest.captured_queries)


def test_a_case_with_few_intakes_shows_them_all_without_links(
    case_a: CaseWorld, worker_a: Any
) -> None:
    html = login("worker_a", "en").get(reverse("case_detail", args=[case_a.case.pk]))
    text = html.content.decode()
    assert _intakes(text) == 3
    assert "Show all intakes" not in text and "Show only the newest" not in text


def test_what_the_notifier_told_the_family_is_named_on_the_case_page(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    """A bare "Not known" under an intake told the worker nothing: it says what is not known."""
    notification(
        worker_a, case_a.case.child, world.team_a1, at=days_ago(1), family_informed="unknown"
    )
    url = reverse("case_detail", args=[case_a.case.pk])
    english = login("worker_a", "en").get(url).content.decode()
    assert '<p class="meta">What the notifier told the family: Not known' in english
    finnish = login("worker_a", "fi").get(url).content.decode()
    assert "Mitä ilmoittaja kertoi perheelle: Ei tiedossa" in finnish
    swedish = login("worker_a", "sv").get(url).content.decode()
    assert "Vad anmälaren berättade för familjen: " in swedish
