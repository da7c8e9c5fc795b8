"""The daily job invites after held network meetings, approved plans and events, once, in
queries that do not grow with them."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.conftest import PortalWorld, World, child_create, login, make_user
from monia.feedback.models import Invitation
from monia.feedback.services import invitations_for
from monia.feedback.tasks import feedback_invite
from monia.feedback.tests.factories import questionnaire
from monia.feedback.triggers import invite_after_meetings, invite_at_plan_reviews
from monia.netmeet.models import MeetingStatus, NetworkMeeting
from monia.notify.models import Notification
from monia.people.models import Person
from monia.portal.models import ClientAccount

pytestmark = pytest.mark.django_db


def _held(case: object, worker: User, **extra: object) -> NetworkMeeting:
    return NetworkMeeting.objects.create(
        case=case,
        held_at=timezone.now() - datetime.timedelta(days=2),
        place="Koulu",
        agenda="Koulunkäynti",
        organised_by=worker,
        status=MeetingStatus.HELD,
        minutes="Sovittiin.",
        family_view="Hyvä.",
        child_view="Kiva.",
        **extra,
    )


def test_job_invites_the_young_person_and_guardian_once(
    portal_world: PortalWorld, worker_a: User
) -> None:
    q = questionnaire(portal_world.young_case.county, worker_a)
    meeting = _held(portal_world.young_case, worker_a)
    assert invite_after_meetings() == 2
    assert invite_after_meetings() == 0
    feedback_invite.call()
    invited = Invitation.objects.filter(questionnaire=q, context_id=meeting.pk)
    assert {i.respondent_person for i in invited} == {portal_world.young, portal_world.guardian}
    assert {i.age_band for i in invited} == {"youth", "adult"}
    assert all(i.case_id == portal_world.young_case.pk for i in invited)


def test_an_absent_child_and_a_child_under_twelve_are_not_asked(
    portal_world: PortalWorld, worker_a: User
) -> None:
    questionnaire(portal_world.young_case.county, worker_a)
    _held(portal_world.young_case, worker_a, child_absent_reason="Sairas")
    _held(portal_world.cw.case, worker_a)  # Aino is 9: only her guardian
    invite_after_meetings()
    assert set(Invitation.objects.values_list("respondent_person", flat=True)) == {
        portal_world.guardian.pk
    }


def test_an_inactive_or_other_trigger_questionnaire_asks_nobody(
    portal_world: PortalWorld, worker_a: User
) -> None:
    questionnaire(portal_world.young_case.county, worker_a, trigger="at_plan_review")
    _held(portal_world.young_case, worker_a)
    assert invite_after_meetings() == 0


def test_an_approved_plan_asks_the_family_once(portal_world: PortalWorld, worker_a: User) -> None:
    questionnaire(portal_world.cw.case.county, worker_a, trigger="at_plan_review")
    # case_a's plan was approved today; Aino (9) is not asked, her guardian is.
    assert invite_at_plan_reviews() == 1
    assert invite_at_plan_reviews() == 0
    assert Invitation.objects.get().respondent_person == portal_world.guardian


def test_after_an_event_everyone_present_is_asked_once_and_the_absent_not(
    developer_a: User, partner: User, teammate_a: User, worker_a: User
) -> None:
    """The events app's attendance is the list: a partner and a worker present at one
    session each are asked, a registered worker who never came is not."""
    from monia.events.models import Attendance, Registration, RegistrationStatus
    from monia.events.tests.conftest import event_make, session_at
    from monia.feedback.triggers import invite_after_events

    q = questionnaire(developer_a.county, developer_a, trigger="after_event")
    event = event_make(developer_a, sessions=[session_at(-3), session_at(-2)])
    first, second = list(event.sessions.order_by("starts_at"))
    for user, session in ((partner, first), (teammate_a, second), (worker_a, None)):
        registration = Registration.objects.create(
            event=event, user=user, status=RegistrationStatus.REGISTERED, queued_at=timezone.now()
        )
        if session is not None:
            Attendance.objects.create(registration=registration, session=session, present=True)
    assert invite_after_events() == 2
    assert invite_after_events() == 0
    invited = Invitation.objects.filter(questionnaire=q, context_kind="event", context_id=event.pk)
    assert {i.respondent_user for i in invited} == {partner, teammate_a}
    assert {i.context_date for i in invited} == {timezone.localtime(second.ends_at).date()}


def _present_at(event: object, users: list[User]) -> None:
    from monia.events.models import Attendance, Registration, RegistrationStatus

    session = event.sessions.first()  # type: ignore[attr-defined]
    for user in users:
        registration = Registration.objects.create(
            event=event, user=user, status=RegistrationStatus.REGISTERED, queued_at=timezone.now()
        )
        Attendance.objects.create(registration=registration, session=session, present=True)


def _clients(county: object, first: int, n: int) -> tuple[list[User], list[Person]]:
    """Portal clients, each with a row in the county's register."""
    users, persons = [], []
    for i in range(first, first + n):
        person = child_create(county, first=f"Asiakas{i}", years=30, number=920 + i)  # type: ignore[arg-type]
        user = make_user(f"client{i}", Role.CLIENT, None, None)
        ClientAccount.objects.create(
            user=user, identity_code_canonical=person.identity_code_canonical, last_method="demo"
        )
        users.append(user)
        persons.append(person)
    return users, persons


def test_the_event_job_reads_in_the_same_queries_however_many_were_present(
    developer_a: User, world: World
) -> None:
    """Staff as themselves, clients as their register row: asked in one statement, and
    the count is of the invitations really made (the first event's are not made twice)."""
    from monia.events.tests.conftest import event_make, session_at
    from monia.feedback.triggers import invite_after_events

    questionnaire(developer_a.county, developer_a, trigger="after_event")
    small = event_make(developer_a, sessions=[session_at(-3)])
    staff = [make_user(f"staff{i}", Role.SOCIAL_WORKER, world.county_a, None) for i in range(6)]
    clients, persons = _clients(world.county_a, 0, 4)
    _present_at(small, [staff[0], clients[0]])
    with CaptureQueriesContext(connection) as few:
        assert invite_after_events() == 2
    large = event_make(developer_a, sessions=[session_at(-2)])
    elsewhere, _ = _clients(world.county_b, 9, 1)  # known only in another county: not asked
    _present_at(large, staff[1:] + clients[1:] + elsewhere)
    with CaptureQueriesContext(connection) as many:
        assert invite_after_events() == 8
    # 5 reads and the insert; the staff's notices: a savepoint, their accounts, one write.
    assert len(many) == len(few) == 9
    invited = Invitation.objects.filter(context_kind="event", context_id=large.pk)
    assert {i.respondent_person for i in invited if i.respondent_person} == set(persons[1:])
    assert {i.respondent_user for i in invited if i.respondent_user} == set(staff[1:])


def test_staff_asked_after_an_event_are_told_where_the_question_waits(
    developer_a: User, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    from monia.events.tests.conftest import event_make, session_at
    from monia.feedback.triggers import invite_after_events

    questionnaire(developer_a.county, developer_a, trigger="after_event")
    event = event_make(developer_a, sessions=[session_at(-3)])
    staff = make_user("asked", Role.SOCIAL_WORKER, world.county_a, None)
    staff.email = "asked@example.invalid"
    staff.save()
    clients, _ = _clients(world.county_a, 0, 1)
    _present_at(event, [staff, clients[0]])
    with django_capture_on_commit_callbacks(execute=True):
        assert invite_after_events() == 2
        assert invite_after_events() == 0  # asked once, told once
    [notice] = Notification.objects.all()
    assert notice.user == staff
    assert notice.link == reverse("develop")
    [email] = mail.outbox
    assert email.to == ["asked@example.invalid"]
    page = login("asked").get(notice.link).content.decode()
    assert (
        reverse("feedback_answer", args=[Invitation.objects.get(respondent_user=staff).pk]) in page
    )


def test_the_meeting_job_reads_in_the_same_queries_however_many_meetings(
    portal_world: PortalWorld, worker_a: User
) -> None:
    questionnaire(portal_world.young_case.county, worker_a)
    _held(portal_world.young_case, worker_a)
    with CaptureQueriesContext(connection) as few:
        assert invite_after_meetings() == 2
    _held(portal_world.cw.case, worker_a)  # Aino, 9: her guardian
    _held(portal_world.adult_case, worker_a)  # Ville, 19: himself
    with CaptureQueriesContext(connection) as many:
        assert invite_after_meetings() == 2
    assert len(many) == len(few) == 5


def test_the_count_is_of_the_invitations_really_made(
    developer_a: User, partner: User, teammate_a: User, worker_a: User
) -> None:
    q = questionnaire(developer_a.county, developer_a, trigger="after_event")
    asked = {"context_kind": "event", "context_id": 7}
    assert invitations_for(q, [worker_a, worker_a, teammate_a], **asked) == 2
    assert invitations_for(q, [teammate_a, partner], **asked) == 1
    assert Invitation.objects.filter(questionnaire=q).count() == 3
