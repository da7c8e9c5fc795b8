"""The caseboard lists one row per child's case and counts what it lists (issue 10, 14)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

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
