"""The caseboard lists one row per child's case and counts what it lists (issue 10, 14);
25 to a page (issue 15), and only the children shown are logged."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.access.models import AccessLog
from monia.conftest import World, child_create, days_ago, notification
from monia.conftest import login as _login


def _siblings(world: World, worker: Any) -> None:
    for i, first in enumerate(["Sisko", "Veli"]):
        child = child_create(world.county_a, first=first, last="Sisarus", number=970 + i)
        notification(worker, child, world.team_a1, at=days_ago(1))


def test_the_caseboard_counts_the_children_it_lists(world: World, worker_a: Any) -> None:
    """Two siblings are two rows (each child has a case of their own) and two children."""
    _siblings(world, worker_a)
    html = _login("worker_a", "fi").get(reverse("caseboard")).content.decode()
    assert "Sisko Sisarus" in html and "Veli Sisarus" in html
    assert "2 lasta" in html and "perhe" not in html.split("<caption>")[1].split("</caption>")[0]
    assert "2 lasta" in _login("worker_a", "fi").get(reverse("caseboard")).content.decode()
    assert "2 barn" in _login("worker_a", "sv").get(reverse("caseboard")).content.decode()


def test_a_long_caseboard_comes_25_a_page_and_logs_only_the_page(
    world: World, worker_a: Any
) -> None:
    for i in range(30):
        child = child_create(world.county_a, first=f"Lapsi{i:02d}", last="Taulunen", number=900 + i)
        notification(worker_a, child, world.team_a1, at=days_ago(1))
    client = _login("worker_a", "en")
    first = client.get(reverse("caseboard")).content.decode()
    assert first.count("Taulunen</a>") == 25 and "30 children" in first
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = client.get(reverse("caseboard"), {"page": "2"}).content.decode()
    assert [f"Lapsi{i:02d}" for i in range(25, 30)] == [
        n for n in (f"Lapsi{i:02d}" for i in range(30)) if f"{n} Taulunen" in second
    ]
    logged = AccessLog.objects.filter(purpose="caseboard").values_list("person__first_names")
    assert sorted(n for (n,) in logged) == [f"Lapsi{i:02d}" for i in range(30)]


def test_the_senior_officials_pager_keeps_the_team_she_chose(
    world: World, worker_a: Any, senior_a: Any
) -> None:
    for i in range(26):
        child = child_create(world.county_a, first=f"Lapsi{i:02d}", last="Taulunen", number=900 + i)
        notification(worker_a, child, world.team_a1, at=days_ago(1))
    url = reverse("caseboard")
    html = _login("senior_a", "en").get(url, {"team": world.team_a1.pk}).content.decode()
    assert f'href="?team={world.team_a1.pk}&amp;page=2"' in html
