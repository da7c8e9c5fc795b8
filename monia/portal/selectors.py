"""Reads of the participation portal: the client's documents, plan, meetings and log.

Everything here takes a case the policy has already opened (``portal_access.portal_case_get``
for clients, ``policy.case_get_for_user`` for staff); nothing here decides access, except
that a guardian's hidden documents are filtered out (``visible_documents``).
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monia.casework.models import (
    AssessmentConclusion,
    Case,
    ClientPlan,
    IntakeDecision,
    Measure,
    MeasureKind,
    PlanStatus,
)
from monia.netmeet.models import AgreedAction, MeetingStatus, NetworkMeeting
from monia.people.models import Person
from monia.portal.access import PortalCase
from monia.portal.log_selectors import who_viewed as who_viewed
from monia.portal.models import ChildPortalAccess, GuardianRestriction, PlainPlan
from monia.portal.safety_selectors import case_safety_alerts as case_safety_alerts
from monia.portal.safety_selectors import emergency_numbers as emergency_numbers
from monia.portal.safety_selectors import open_safety_alerts as open_safety_alerts


@dataclasses.dataclass(frozen=True)
class PortalDocument:
    """A document of the case as the portal shows it: a plain title and its content."""

    key: str
    kind: str
    title: str
    on: datetime.date
    lines: list[tuple[str, str]]


# The decisions in words a child understands (the codes of three choice sets, all distinct).
PLAIN_WORDS: dict[str, Any] = {
    IntakeDecision.START_ASSESSMENT: gettext_lazy(
        "We decided to find out together what help you need."
    ),
    IntakeDecision.JOIN_ASSESSMENT: gettext_lazy("We added this to the work we are already doing."),
    IntakeDecision.NO_ACTION: gettext_lazy(
        "We decided that child welfare does not need to do anything."
    ),
    AssessmentConclusion.CHILD_WELFARE_CLIENT: gettext_lazy("You get help from child welfare."),
    AssessmentConclusion.OTHER_SOCIAL_SERVICES: gettext_lazy(
        "You get help from other social services."
    ),
    AssessmentConclusion.NO_NEED: gettext_lazy("You do not need help from social services now."),
    MeasureKind.COMMUNITY_SUPPORT: gettext_lazy("Support while living at home"),
    MeasureKind.PLACEMENT_AS_SUPPORT: gettext_lazy("Living somewhere else for a while, as support"),
    MeasureKind.EMERGENCY_PLACEMENT: gettext_lazy("Urgent move to a safe place"),
    MeasureKind.CARE_ORDER: gettext_lazy("Taken into care"),
    MeasureKind.SUBSTITUTE_CARE: gettext_lazy("Living in a foster family or a home"),
    MeasureKind.AFTERCARE: gettext_lazy("Aftercare: support after care"),
}


def _plain(code: str) -> str:
    return str(PLAIN_WORDS.get(code, ""))


def _date(d: datetime.date | None) -> str:
    return d.strftime("%-d.%-m.%Y") if d else ""


def portal_documents(case: Case) -> list[PortalDocument]:
    """Decisions, the approved plan and the records of held meetings, newest first."""
    docs: list[PortalDocument] = []
    for intake in case.intakes.exclude(decision="").order_by("-decided_on"):
        if intake.decided_on is None:
            continue
        docs.append(
            PortalDocument(
                key=f"intake:{intake.pk}",
                kind="decision",
                title=_("Decision after a child welfare notification"),
                on=intake.decided_on,
                lines=[
                    (_("What we decided"), _plain(intake.decision)),
                    (_("Why"), intake.decision_reason),
                ],
            )
        )
    for a in case.assessments.filter(completed_on__isnull=False):
        assert a.completed_on is not None
        docs.append(
            PortalDocument(
                key=f"assessment:{a.pk}",
                kind="decision",
                title=_("We finished finding out what help is needed"),
                on=a.completed_on,
                lines=[
                    (_("What we found"), _plain(a.conclusion)),
                    (_("Summary"), a.summary),
                ],
            )
        )
    for m in Measure.objects.filter(case=case):
        lines = [(_("Starts"), _date(m.started_on))]
        if m.expires_on:
            lines.append((_("Lasts until"), _date(m.extended_to or m.expires_on)))
        if m.ended_on:
            lines.append((_("Ended"), _date(m.ended_on)))
        if m.place:
            lines.append((_("Where"), m.place))
        if m.details:
            lines.append((_("More"), m.details))
        docs.append(
            PortalDocument(
                key=f"measure:{m.pk}",
                kind="decision",
                title=_plain(m.kind) or m.get_kind_display(),
                on=m.decided_on,
                lines=lines,
            )
        )
    plan = approved_plan(case)
    if plan is not None and plan.approved_on is not None:
        docs.append(
            PortalDocument(
                key=f"plan:{plan.pk}",
                kind="plan",
                title=_("Your plan"),
                on=plan.approved_on,
                lines=[],
            )
        )
    held = NetworkMeeting.objects.filter(case=case, status=MeetingStatus.HELD).prefetch_related(
        "agreed_actions"
    )
    for meeting in held:
        docs.append(
            PortalDocument(
                key=f"netmeet:{meeting.pk}",
                kind="meeting",
                title=_("What we agreed in the meeting"),
                on=timezone.localtime(meeting.held_at).date(),
                lines=[
                    (a.owner_name, f"{a.description} ({_('by')} {_date(a.due_on)})")
                    for a in meeting.agreed_actions.all()
                ],
            )
        )
    planned = NetworkMeeting.objects.filter(case=case, status=MeetingStatus.PLANNED)
    for meeting in planned:
        at = timezone.localtime(meeting.held_at)
        docs.append(
            PortalDocument(
                key=f"netmeet:{meeting.pk}",
                kind="invitation",
                title=_("Invitation to a meeting"),
                on=at.date(),
                lines=[(_("Place"), meeting.place)],
            )
        )
    docs.sort(key=lambda d: d.on, reverse=True)
    return docs


RECORD_KINDS = frozenset({"decision", "meeting"})  # what the decisions page lists


def visible_documents(pc: PortalCase) -> list[PortalDocument]:
    """The documents this client may see: a guardian does not see what is hidden from them."""
    return [d for d in portal_documents(pc.case) if d.key not in pc.hidden_document_keys]


def guardian_restrictions(
    case: Case, documents: list[PortalDocument]
) -> list[tuple[GuardianRestriction, str]]:
    """The case's documents hidden from a guardian, each with the document's title."""
    titles = {d.key: d.title for d in documents}
    return [
        (r, titles.get(r.document_key, r.document_key))
        for r in GuardianRestriction.objects.filter(case=case).select_related(
            "guardian", "restricted_by"
        )
    ]


def child_portal_allowed(case: Case) -> bool:
    """The worker has let this child (under 12) into the portal."""
    return ChildPortalAccess.objects.filter(person=case.child).exists()


def hidden_meeting_ids(pc: PortalCase) -> set[int]:
    """Network meetings (their invitation and record) hidden from this guardian."""
    return {
        int(key.split(":", 1)[1]) for key in pc.hidden_document_keys if key.startswith("netmeet:")
    }


def visible_upcoming_meetings(pc: PortalCase) -> list[NetworkMeeting]:
    hidden = hidden_meeting_ids(pc)
    return [m for m in upcoming_meetings(pc.case) if m.pk not in hidden]


def visible_recently_held_meetings(pc: PortalCase) -> list[NetworkMeeting]:
    hidden = hidden_meeting_ids(pc)
    return [m for m in recently_held_meetings(pc.case) if m.pk not in hidden]


def may_see(pc: PortalCase, key: str) -> bool:
    return key not in pc.hidden_document_keys


def approved_plan(case: Case) -> ClientPlan | None:
    return (
        ClientPlan.objects.filter(case=case, status=PlanStatus.APPROVED)
        .order_by("-approved_on", "-pk")
        .first()
    )


def plain_plan(case: Case) -> PlainPlan | None:
    return PlainPlan.objects.filter(case=case).first()


def open_actions(pc: PortalCase, today: datetime.date) -> list[AgreedAction]:
    """Who does what: the actions agreed in the network meetings, not yet past due — less
    those of a meeting record hidden from this guardian."""
    actions = AgreedAction.objects.filter(
        meeting__case=pc.case, meeting__status=MeetingStatus.HELD, due_on__gte=today
    ).exclude(meeting_id__in=hidden_meeting_ids(pc))
    return list(actions.select_related("meeting"))


def upcoming_meetings(case: Case, now: datetime.datetime | None = None) -> list[NetworkMeeting]:
    now = now or timezone.now()
    return list(
        NetworkMeeting.objects.filter(
            case=case, status=MeetingStatus.PLANNED, held_at__gte=now - datetime.timedelta(hours=3)
        ).order_by("held_at")
    )


def recently_held_meetings(case: Case, days: int = 60) -> list[NetworkMeeting]:
    """Meetings held lately: the client may still say whether they were heard."""
    since = timezone.now() - datetime.timedelta(days=days)
    return list(
        NetworkMeeting.objects.filter(
            case=case, status=MeetingStatus.HELD, held_at__gte=since
        ).order_by("-held_at")
    )


def case_guardians(case: Case) -> list[Person]:
    today = timezone.localdate()
    return list(
        Person.objects.filter(ties_from__to_person=case.child, ties_from__is_guardian=True)
        .filter(Q(ties_from__ended_on__isnull=True) | Q(ties_from__ended_on__gt=today))
        .distinct()
        .order_by("last_name", "first_names")
    )
