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
    return []


def devgroups_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def peer_pages(everyone: list[walk.Persona]) -> Opened:
    return []


def experience_pages(everyone: list[walk.Persona]) -> Opened:
    """The payroll page of last month (exported in the demo: its rows and the export log);
    the rest is linked from /develop/ and the register."""
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    coordinator = _persona(everyone, "development coordinator")
    return [(coordinator, f"{reverse('experience_payroll')}?month={last_month:%Y-%m}")]


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
