"""The development network's pages (issue 16) that the link walk may not reach, opened
directly by test_reflow.py, each by a persona who may (walk.STAFF_PERSONAS: "development
coordinator" kaarina, "expert by experience" eeva, the staff; portal clients). One function
per app, so that each app's pages are listed beside each other."""

from __future__ import annotations

from monia.tests import walk

Opened = list[tuple[walk.Persona, str]]


def _persona(everyone: list[walk.Persona], label: str) -> walk.Persona:
    return next(p for p in everyone if p.label == label)


def events_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def training_pages(everyone: list[walk.Persona]) -> Opened:
    """Training records, the systemic model's fidelity and the co-research report: the
    designated worker's own and team's pages, the coordinator's county pages (the hub's
    links reach them too; opened here so that none depends on the walk's few steps)."""
    from django.urls import reverse

    worker = _persona(everyone, "designated worker")
    coordinator = _persona(everyone, "development coordinator")
    assert worker.user.team_id is not None
    mine = [
        reverse("training_mine"),
        reverse("training_team", args=[worker.user.team_id]),
        reverse("systemic_fidelity"),
    ]
    county = [
        reverse("training_county"),
        reverse("training_record"),
        reverse("training_module_new"),
        reverse("systemic_fidelity") + f"?team={worker.user.team_id}",
        reverse("coresearch_report"),
    ]
    return [(worker, url) for url in mine] + [(coordinator, url) for url in county]


def devgroups_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def peer_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def experience_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def feedback_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def pages(everyone: list[walk.Persona]) -> Opened:
    return (
        events_pages(everyone)
        + training_pages(everyone)
        + devgroups_pages(everyone)
        + peer_pages(everyone)
        + experience_pages(everyone)
        + feedback_pages(everyone)
    )
