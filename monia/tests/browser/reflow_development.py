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
    """The coordinator's pages of the demo's partner training; the portal's event pages
    (a young person with one matter lands on the matter, not on the front page's list)."""
    from django.urls import reverse

    from monia.events.access import events_visible
    from monia.events.models import Event

    coordinator = _persona(everyone, "development coordinator")
    young = _persona(everyone, "portal client (young_person)")
    training = Event.objects.get(
        county_id=coordinator.user.county_id, title="Sytykettä yhteistyöhön"
    )
    session = training.sessions.order_by("starts_at").first()
    assert session is not None
    youth = events_visible(young.user).filter(kind="youth_voice").order_by("pk").first()
    assert youth is not None, "the demo has a Nuoren ääni discussion for the young person"
    own = [reverse("portal_events"), reverse("portal_event", args=[youth.pk])]
    return [
        (coordinator, reverse("event_edit", args=[training.pk])),
        (coordinator, reverse("event_registrations", args=[training.pk])),
        (coordinator, reverse("session_attendance", args=[training.pk, session.pk])),
        (coordinator, reverse("event_new")),
    ] + [(young, url) for url in own]


def training_pages(everyone: list[walk.Persona]) -> Opened:
    return []


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
