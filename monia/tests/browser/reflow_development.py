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
    """The coordinator's forms and the demo group's pages (monia/demo/dev_devgroups.py);
    the expert by experience reads a memo without the form."""
    from django.urls import reverse

    from monia.devgroups import selectors

    coordinator = _persona(everyone, "development coordinator")
    expert = _persona(everyone, "expert by experience")
    group = selectors.groups_for_user(coordinator.user).first()
    if group is None:
        return [(coordinator, reverse("devgroups"))]
    meeting = group.meetings.exclude(memo="").first()
    idea = group.ideas.exclude(practice_description_url="").first()
    opened: Opened = [
        (coordinator, reverse("devgroup_new")),
        (coordinator, reverse("devgroup_edit", args=[group.pk])),
        (coordinator, reverse("devgroup_members", args=[group.pk])),
        (coordinator, reverse("devgroup_meeting_new", args=[group.pk])),
        (coordinator, reverse("devgroup_idea_new", args=[group.pk])),
        (expert, reverse("devgroup_detail", args=[group.pk]) + "?status=adopted"),
    ]
    if meeting is not None:
        opened.append((expert, reverse("devgroup_meeting", args=[group.pk, meeting.pk])))
    if idea is not None:
        opened.append((coordinator, reverse("devgroup_idea_edit", args=[group.pk, idea.pk])))
    return opened


def peer_pages(everyone: list[walk.Persona]) -> Opened:
    """The portal's peer pages (a young person with one matter lands on that matter, not on
    the front page that lists the groups), the coordinator's form, a facilitator's group
    and its edit page."""
    from django.urls import reverse

    from monia.peer import selectors

    coordinator = _persona(everyone, "development coordinator")
    young = _persona(everyone, "portal client (young_person)")
    opened: Opened = [
        (coordinator, reverse("peer_group_new")),
        (young, reverse("portal_peer")),
    ]
    for group in selectors.portal_groups(young.user)[:1]:
        opened.append((young, reverse("portal_peer_group", args=[group.pk])))
    for group in selectors.staff_groups(coordinator.user)[:1]:
        opened.append((coordinator, reverse("peer_group", args=[group.pk])))
        opened.append((coordinator, reverse("peer_group_edit", args=[group.pk])))
    return opened


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
