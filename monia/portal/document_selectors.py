"""The documents of a case in the participation portal, and who reads them there.

What a client reads of a document is its family version (``FamilyVersion``): plain words
the worker wrote or approved for that document. The professional text of a document — an
intake decision's reasons, an assessment's summary, a measure's place and details, a plan's
fields, a meeting's minutes and agreed actions — is read here only for the worker's page
(``CaseDocument.source``); ``PortalDocument``, the only shape a portal page gets, has no
field that could carry it. A document without an approved family version shows only its
plain title and date: the client knows that something was decided (a party is told of a
decision anyway, HL 54 §) and that the worker will tell about it, rather than reading
nothing at all and thinking nothing happened.

Everything here takes a case the policy has already opened (``portal.access`` for clients,
``policy.case_get_for_user`` for staff); nothing decides access, except that a guardian's
hidden documents are left out.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from monia.casework.models import Case, ClientPlan, Measure, PlanStatus
from monia.netmeet.models import AgreedAction, MeetingStatus, NetworkMeeting
from monia.people.models import Person
from monia.portal.access import ADULT_AGE, PORTAL_MIN_AGE, PortalCase, PortalKind, age_on
from monia.portal.models import FamilyVersion, GuardianRestriction, RestrictionStatus
from monia.portal.words import (
    MEASURE_SUGGESTIONS,
    MEETING_SUGGESTION,
    PLAIN_WORDS,
    TITLES,
    plain,
)


@dataclasses.dataclass(frozen=True)
class CaseDocument:
    """A document the portal knows, as the worker sees it on the case's portal page."""

    key: str
    kind: str  # "decision" | "plan" | "meeting" | "invitation"
    title: str  # plain words, shown with the date in the portal
    on: datetime.date
    facts: list[tuple[str, str]]  # dates, shown in the portal with the family version
    source: list[tuple[str, str]]  # the professional text: the worker's page only
    suggestion: Any  # plain words the worker may approve as they are (a lazy msgid)

    @property
    def named(self) -> str:
        """The title with its date, as lists, the chronology and notifications name it."""
        return f"{self.title} ({_date(self.on)})"

    @property
    def needs_family_version(self) -> bool:
        """An invitation is written to the family already (time, place, agenda)."""
        return self.kind != "invitation"


def _date(d: datetime.date | None) -> str:
    return d.strftime("%-d.%-m.%Y") if d else ""


def _intake_documents(case: Case) -> list[CaseDocument]:
    return [
        CaseDocument(
            key=f"intake:{intake.pk}",
            kind="decision",
            title=str(TITLES["intake"]),
            on=intake.decided_on,
            facts=[],
            source=[
                (_("What was decided"), intake.get_decision_display()),
                (_("Reasons"), intake.decision_reason),
            ],
            suggestion=PLAIN_WORDS.get(intake.decision, ""),
        )
        for intake in case.intakes.exclude(decision="").order_by("-decided_on")
        if intake.decided_on is not None
    ]


def _assessment_documents(case: Case) -> list[CaseDocument]:
    return [
        CaseDocument(
            key=f"assessment:{a.pk}",
            kind="decision",
            title=str(TITLES["assessment"]),
            on=a.completed_on,
            facts=[],
            source=[
                (_("Conclusion"), a.get_conclusion_display()),
                (_("Summary"), a.summary),
            ],
            suggestion=PLAIN_WORDS.get(a.conclusion, ""),
        )
        for a in case.assessments.filter(completed_on__isnull=False)
        if a.completed_on is not None
    ]


def _measure_document(m: Measure) -> CaseDocument:
    # Told as the family reads it today: a measure begun long ago "started", and one that
    # has ended no longer "lasts until" its planned end.
    begun = m.started_on is not None and m.started_on <= timezone.localdate()
    facts = [(_("Started") if begun else _("Starts"), _date(m.started_on))]
    if m.ended_on:
        facts.append((_("Ended"), _date(m.ended_on)))
    elif m.expires_on:
        facts.append((_("Lasts until"), _date(m.extended_to or m.expires_on)))
    return CaseDocument(
        key=f"measure:{m.pk}",
        kind="decision",
        title=plain(m.kind) or m.get_kind_display(),
        on=m.decided_on,
        facts=facts,
        source=[
            (_("Measure"), m.get_kind_display()),
            (_("Place"), m.place),
            (_("Details"), m.details),
        ],
        suggestion=MEASURE_SUGGESTIONS.get(m.kind, ""),
    )


def _plan_document(plan: ClientPlan) -> CaseDocument:
    assert plan.approved_on is not None
    facts = [(_("We look at the plan again by"), _date(plan.review_due))] if plan.review_due else []
    return CaseDocument(
        key=f"plan:{plan.pk}",
        kind="plan",
        title=str(TITLES["plan"]),
        on=plan.approved_on,
        facts=facts,
        source=[
            (
                str(getattr(ClientPlan._meta.get_field(name), "verbose_name", name)),
                getattr(plan, name),
            )
            for name in ("circumstances", "services", "goal_time_estimate", "child_meetings")
        ],
        suggestion="",
    )


def _meeting_documents(case: Case) -> list[CaseDocument]:
    """Held meetings' records and planned meetings' invitations: two queries, however many."""
    actions: dict[int, list[AgreedAction]] = {}
    for a in AgreedAction.objects.filter(meeting__case=case, meeting__status=MeetingStatus.HELD):
        actions.setdefault(a.meeting_id, []).append(a)
    docs = []
    for meeting in NetworkMeeting.objects.filter(case=case):
        at = timezone.localtime(meeting.held_at)
        if meeting.status == MeetingStatus.HELD:
            docs.append(
                CaseDocument(
                    key=f"netmeet:{meeting.pk}",
                    kind="meeting",
                    title=str(TITLES["netmeet"]),
                    on=at.date(),
                    facts=[],
                    source=[(_("Minutes"), meeting.minutes)]
                    + [
                        (a.owner_name, f"{a.description} ({_date(a.due_on)})")
                        for a in actions.get(meeting.pk, [])
                    ],
                    suggestion=MEETING_SUGGESTION,
                )
            )
        elif meeting.status == MeetingStatus.PLANNED:
            docs.append(
                CaseDocument(
                    key=f"netmeet:{meeting.pk}",
                    kind="invitation",
                    title=str(TITLES["invitation"]),
                    on=at.date(),
                    facts=[(_("Place"), meeting.place)],
                    source=[],
                    suggestion="",
                )
            )
    return docs


def case_documents(case: Case) -> list[CaseDocument]:
    """Decisions, the approved plan and the network meetings of the case, newest first."""
    docs = [
        *_intake_documents(case),
        *_assessment_documents(case),
        *(_measure_document(m) for m in Measure.objects.filter(case=case)),
        *_meeting_documents(case),
    ]
    plan = approved_plan(case)
    if plan is not None and plan.approved_on is not None:
        docs.append(_plan_document(plan))
    docs.sort(key=lambda d: d.on, reverse=True)
    return docs


def suggestion_in_childs_language(case: Case, document: CaseDocument) -> str:
    """The suggested family version in the child's language where Monia speaks it (the
    worker's page may be in another)."""
    language = case.child.language if case.child.language in ("fi", "sv") else None
    with translation.override(language or translation.get_language()):
        return str(document.suggestion)


def approved_plan(case: Case) -> ClientPlan | None:
    return (
        ClientPlan.objects.filter(case=case, status=PlanStatus.APPROVED)
        .order_by("-approved_on", "-pk")
        .first()
    )


def family_versions(case: Case) -> dict[str, FamilyVersion]:
    """The case's approved family versions by document key (one query)."""
    return {
        v.document_key: v
        for v in FamilyVersion.objects.filter(case=case).select_related("approved_by")
    }


# --- Who reads what in the portal ---------------------------------------------------------


def case_guardians(case: Case) -> list[Person]:
    today = timezone.localdate()
    return list(
        Person.objects.filter(ties_from__to_person=case.child, ties_from__is_guardian=True)
        .filter(Q(ties_from__ended_on__isnull=True) | Q(ties_from__ended_on__gt=today))
        .distinct()
        .order_by("last_name", "first_names")
    )


def child_reads_portal(case: Case, today: datetime.date | None = None) -> bool:
    """Whether the child may read their own matter in the portal (portal.access's ages)."""
    age = age_on(case.child.birth_date, today or timezone.localdate())
    if age is None:
        return False
    return age >= PORTAL_MIN_AGE or hasattr(case.child, "portal_access")


def may_ask_privacy(pc: PortalCase) -> bool:
    """A young person from 12 may ask that the guardians do not see something (whether they
    are able to decide it, the worker judges when deciding)."""
    age = age_on(pc.case.child.birth_date, timezone.localdate())
    return pc.kind == PortalKind.YOUNG_PERSON and age is not None and age >= PORTAL_MIN_AGE


@dataclasses.dataclass(frozen=True)
class Audience:
    """Who reads a matter in the portal besides the workers, as one client is told."""

    kind: PortalKind
    child_name: str
    child_reads: bool  # the child reads the matter in the portal
    guardians: list[str]  # first names of the guardians who may read it (child under 18)
    other_guardians: bool  # for a guardian: another guardian may read it too
    may_ask: bool  # a young person (12+) who may ask that a guardian does not see something

    @property
    def is_guardian(self) -> bool:
        return self.kind == PortalKind.GUARDIAN


def _first(person: Person) -> str:
    return person.first_names.split()[0] if person.first_names else person.full_name


def portal_audience(pc: PortalCase, guardians: list[Person] | None = None) -> Audience:
    case = pc.case
    age = age_on(case.child.birth_date, timezone.localdate())
    if guardians is None:
        guardians = case_guardians(case) if age is not None and age < ADULT_AGE else []
    return Audience(
        kind=pc.kind,
        child_name=_first(case.child),
        child_reads=pc.kind != PortalKind.GUARDIAN or child_reads_portal(case),
        guardians=[_first(g) for g in guardians],
        other_guardians=any(g.pk != pc.client.pk for g in guardians) and pc.is_guardian,
        may_ask=may_ask_privacy(pc) and bool(guardians),
    )


@dataclasses.dataclass(frozen=True)
class Readers:
    """Who else reads one document, as this client is told (see ``_readers.html``)."""

    guardians: list[str]  # the child's view: guardians who can read it
    hidden_from: list[str]  # the child's view: guardians who cannot
    child: str  # a guardian's view: the child's first name when the child reads it


@dataclasses.dataclass(frozen=True)
class PortalDocument:
    """A document as a portal page shows it: never the professional text."""

    key: str
    kind: str
    title: str
    on: datetime.date
    text: str  # the approved family version; "" when there is none yet
    facts: list[tuple[str, str]]  # only with a family version
    readers: Readers
    asked: str  # the young person's own request: "" or a RestrictionStatus value


def _asked(rows: list[GuardianRestriction]) -> str:
    """The state of a young person's request over the guardians' rows of one document."""
    statuses = {r.status for r in rows if r.requested_by_id is not None}
    for status in (RestrictionStatus.REQUESTED, RestrictionStatus.DECLINED):
        if status in statuses:
            return status
    return RestrictionStatus.IN_FORCE if statuses else ""


@dataclasses.dataclass(frozen=True)
class PortalView:
    """Everything one client's page needs to show documents: three queries."""

    pc: PortalCase
    audience: Audience
    documents: list[PortalDocument]

    def document(self, key: str) -> PortalDocument | None:
        return next((d for d in self.documents if d.key == key), None)


def restrictions_by_key(case: Case) -> dict[str, list[GuardianRestriction]]:
    found: dict[str, list[GuardianRestriction]] = {}
    for r in GuardianRestriction.objects.filter(case=case):
        found.setdefault(r.document_key, []).append(r)
    return found


def readers_of(
    pc: PortalCase, audience: Audience, guardians: list[Person], rows: list[GuardianRestriction]
) -> Readers:
    hidden = {r.guardian_id for r in rows if r.status == RestrictionStatus.IN_FORCE}
    if pc.is_guardian:
        return Readers([], [], audience.child_name if audience.child_reads else "")
    return Readers(
        guardians=[_first(g) for g in guardians if g.pk not in hidden],
        hidden_from=[_first(g) for g in guardians if g.pk in hidden],
        child="",
    )


def portal_view(pc: PortalCase) -> PortalView:
    """The client's documents with their family versions and readers; a guardian does not
    get what is hidden from them."""
    case = pc.case
    age = age_on(case.child.birth_date, timezone.localdate())
    guardians = case_guardians(case) if age is not None and age < ADULT_AGE else []
    audience = portal_audience(pc, guardians)
    versions = family_versions(case)
    restrictions = restrictions_by_key(case)
    documents = []
    for d in case_documents(case):
        rows = restrictions.get(d.key, [])
        if pc.is_guardian and any(
            r.guardian_id == pc.client.pk and r.status == RestrictionStatus.IN_FORCE for r in rows
        ):
            continue
        version = versions.get(d.key)
        text = version.text if version else ""
        documents.append(
            PortalDocument(
                key=d.key,
                kind=d.kind,
                title=d.title,
                on=d.on,
                text=text,
                facts=d.facts if text or not d.needs_family_version else [],
                readers=readers_of(pc, audience, guardians, rows),
                asked="" if pc.is_guardian else _asked(rows),
            )
        )
    return PortalView(pc=pc, audience=audience, documents=documents)


RECORD_KINDS = frozenset({"decision", "meeting"})  # what the decisions page lists


def open_actions(pc: PortalCase, today: datetime.date) -> list[AgreedAction]:
    """Who does what: the actions agreed in the network meetings whose record has a family
    version, not yet past due — less those of a meeting record hidden from this guardian."""
    approved = [
        int(key.split(":", 1)[1])
        for key in FamilyVersion.objects.filter(
            case=pc.case, document_key__startswith="netmeet:"
        ).values_list("document_key", flat=True)
    ]
    hidden = {
        int(key.split(":", 1)[1]) for key in pc.hidden_document_keys if key.startswith("netmeet:")
    }
    actions = AgreedAction.objects.filter(
        meeting__case=pc.case,
        meeting__status=MeetingStatus.HELD,
        meeting_id__in=set(approved) - hidden,
        due_on__gte=today,
    )
    return list(actions.select_related("meeting"))
