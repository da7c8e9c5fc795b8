"""The daily job invites after held network meetings and approved plans, once."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld
from monia.feedback.models import Invitation
from monia.feedback.tasks import feedback_invite
from monia.feedback.tests.factories import questionnaire
from monia.feedback.triggers import invite_after_meetings, invite_at_plan_reviews
from monia.netmeet.models import MeetingStatus, NetworkMeeting

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
