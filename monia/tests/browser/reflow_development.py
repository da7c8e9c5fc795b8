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
    return []


def feedback_pages(everyone: list[walk.Persona]) -> Opened:
    """The coordinator's draft (version 2 of the demo's questionnaire): a question to edit
    and one to add; the results per quarter; the young person's open question (demo/
    dev_feedback.py) and a staff member's question after the development day."""
    from django.urls import reverse

    from monia.feedback.models import Invitation, Questionnaire

    coordinator = _persona(everyone, "development coordinator")
    opened: Opened = []
    draft = Questionnaire.objects.filter(
        county_id=coordinator.user.county_id, published_at__isnull=True
    ).first()
    question = draft.questions.first() if draft else None
    if draft is not None and question is not None:
        opened += [
            (coordinator, reverse("feedback_question_edit", args=[draft.pk, question.pk])),
            (coordinator, reverse("feedback_question_new", args=[draft.pk])),
        ]
    published = Questionnaire.objects.filter(
        county_id=coordinator.user.county_id, published_at__isnull=False
    ).first()
    if published is not None:
        url = reverse("feedback_results", args=[published.pk])
        opened.append((coordinator, f"{url}?period=quarter"))
    for persona in everyone:
        if persona.label in ("portal client (young_person)", "designated worker"):
            mine = Invitation.objects.filter(answered_at__isnull=True)
            if persona.user.role == "client":
                from monia.portal.access import client_persons

                invitation = mine.filter(respondent_person__in=client_persons(persona.user))
                name = "feedback_portal_answer"
            else:
                invitation = mine.filter(respondent_user=persona.user)
                name = "feedback_answer"
            first = invitation.order_by("pk").first()
            if first is not None:
                opened.append((persona, reverse(name, args=[first.pk])))
    # Not a feedback page: netmeet's files of a meeting sit three links deep, and with the
    # network's links on /develop/ (issue 16) the walk's 120 requests per persona run out
    # before it. Opened here until the walk's budget is decided for all the network's apps.
    from monia.netmeet.models import NetworkMeeting

    worker = _persona(everyone, "designated worker")
    meeting = (
        NetworkMeeting.objects.filter(case__designated_worker=worker.user).order_by("pk").first()
    )
    if meeting is not None:
        url = reverse("network_meeting_attachments", args=[meeting.case_id, meeting.pk])
        opened.append((worker, url))
    return opened


def pages(everyone: list[walk.Persona]) -> Opened:
    return (
        events_pages(everyone)
        + training_pages(everyone)
        + devgroups_pages(everyone)
        + peer_pages(everyone)
        + experience_pages(everyone)
        + feedback_pages(everyone)
    )
