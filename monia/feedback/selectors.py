"""Reads of the feedback questionnaires: the coordinator's lists, a respondent's open
invitations and their questions in the right wording, the anonymised results and a
child's own answers for the client plan page."""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monia.access.develop_rule import COUNTY_STAFF_ROLES, NETWORK_MEMBER_ROLES
from monia.accounts.models import User
from monia.casework.models import Case
from monia.devgroups.models import DeveloperGroup
from monia.feedback import aggregate
from monia.feedback.models import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Questionnaire,
)
from monia.feedback.wording import text_for
from monia.portal.access import client_persons, is_client
from monia.teams.models import Team

SCALES = {
    QuestionKind.FACE: tuple(range(1, 6)),
    QuestionKind.SCALE_10: tuple(range(0, 11)),
    QuestionKind.YES_NO: (0, 1),
}


def questionnaires_of_county(county_id: int) -> QuerySet[Questionnaire]:
    return Questionnaire.objects.filter(county_id=county_id).annotate(
        n_questions=Count("questions", distinct=True),
        n_answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
    )


def published_of_county(county_id: int) -> QuerySet[Questionnaire]:
    return Questionnaire.objects.filter(county_id=county_id, published_at__isnull=False)


def questions_of(questionnaire: Questionnaire) -> list[Question]:
    return list(questionnaire.questions.prefetch_related("texts"))


@dataclasses.dataclass(frozen=True)
class Asked:
    question: Question
    wording: str


def asked_questions(invitation: Invitation, *, language: str) -> list[Asked]:
    """The invitation's questions worded for the respondent's age band and language."""
    return [
        Asked(q, text_for(q.texts.all(), language=language, band=invitation.age_band))
        for q in questions_of(invitation.questionnaire)
    ]


def open_invitations(user: User, *, today: datetime.date | None = None) -> list[Invitation]:
    """Unanswered invitations still open: a client's through their register rows."""
    today = today or timezone.localdate()
    found = Invitation.objects.filter(answered_at__isnull=True, closes_on__gte=today)
    if is_client(user):
        found = found.filter(respondent_person__in=client_persons(user))
    else:
        found = found.filter(respondent_user=user)
    return list(found.select_related("questionnaire").order_by("closes_on", "pk"))


def seen_by_worker(invitation: Invitation) -> bool:
    """A child's answers in their own case show on the worker's client plan page
    (templatetags/feedback_tags.child_experience); nobody else's do."""
    return bool(
        invitation.case is not None and invitation.respondent_person_id == invitation.case.child_id
    )


@dataclasses.dataclass(frozen=True)
class QuestionResult:
    question: Question
    wording: str
    total: aggregate.Group
    groups: list[aggregate.Group]


def results(
    questionnaire: Questionnaire,
    *,
    language: str,
    period: str = "month",
    today: datetime.date | None = None,
) -> list[QuestionResult]:
    """Each scale question's anonymised groups over the last 12 months (or 8 quarters), and
    the sum of the groups shown (``aggregate``: no small group, not even by subtraction):
    three queries however many answers there are. Free-text questions are left out."""
    today = today or timezone.localdate()
    starts = aggregate.periods(today, period, 12 if period == "month" else 8)
    questions = [q for q in questions_of(questionnaire) if q.kind != QuestionKind.TEXT]
    rows = Answer.objects.filter(
        question__in=questions,
        value__isnull=False,
        invitation__answered_at__date__gte=aggregate.first_day(starts, period),
    ).values_list("question_id", "invitation__answered_at", "value")
    by_question: dict[int, list[tuple[datetime.date, int]]] = {q.pk: [] for q in questions}
    for question_id, at, value in rows:
        by_question[question_id].append((timezone.localtime(at).date(), int(value or 0)))
    out = []
    for q in questions:
        scale = SCALES[QuestionKind(q.kind)]
        pairs = by_question[q.pk]
        groups = aggregate.groups_by_period(pairs, starts=starts, period=period, scale=scale)
        out.append(
            QuestionResult(
                question=q,
                wording=text_for(q.texts.all(), language=language, band="adult"),
                total=aggregate.shown_total(groups),
                groups=groups,
            )
        )
    return out


@dataclasses.dataclass(frozen=True)
class OwnAnswer:
    wording: str
    kind: str
    value: int | None
    text: str


@dataclasses.dataclass(frozen=True)
class Experience:
    invitation: Invitation
    answers: list[OwnAnswer]


def child_experience(case: Case, *, language: str) -> list[Experience]:
    """The child's own answers asked in this case's context, newest first (the caller
    has opened the case through the policy: this reads only within it)."""
    invitations = (
        Invitation.objects.filter(
            case=case, respondent_person_id=case.child_id, answered_at__isnull=False
        )
        .select_related("questionnaire")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("question").prefetch_related(
                    "question__texts"
                ),
            )
        )
        .order_by("-answered_at")
    )
    out = []
    for inv in invitations:
        answers = sorted(inv.answers.all(), key=lambda a: a.question.order)
        out.append(
            Experience(
                inv,
                [
                    OwnAnswer(
                        text_for(a.question.texts.all(), language=language, band=inv.age_band),
                        a.question.kind,
                        a.value,
                        a.text,
                    )
                    for a in answers
                ],
            )
        )
    return out


# -- "Ask now": the staff-side groups a coordinator may ask by hand ---------------------
# An audience is named by a key: "county" (all of the county's staff: the users
# develop_rule.is_county_staff admits), "team:<id>" (the county staff of one of the
# county's teams) or "group:<id>" (the network's members in one of the county's active
# developer groups: staff, partners, experts by experience). Never portal clients.
COUNTY = "county"


@dataclasses.dataclass(frozen=True)
class Audience:
    key: str
    name: str
    count: int

    @property
    def label(self) -> str:
        return ngettext(
            "%(name)s (%(count)d person)", "%(name)s (%(count)d people)", self.count
        ) % {"name": self.name, "count": self.count}


def _county_staff(county_id: int, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}is_active": True,
            f"{prefix}county_id": county_id,
            f"{prefix}role__in": COUNTY_STAFF_ROLES,
        }
    )


def _network_members(prefix: str = "") -> Q:
    return Q(**{f"{prefix}is_active": True, f"{prefix}role__in": NETWORK_MEMBER_ROLES})


def ask_audiences(county_id: int) -> tuple[Audience, list[Audience], list[Audience]]:
    """The county's staff, its teams and its active developer groups, each with how many
    would be asked: three queries."""
    everyone = Audience(
        COUNTY,
        _("All of the county's staff"),
        User.objects.filter(_county_staff(county_id)).count(),
    )
    teams = Team.objects.filter(county_id=county_id).annotate(
        n=Count("members", filter=_county_staff(county_id, "members__"), distinct=True)
    )
    groups = DeveloperGroup.objects.filter(county_id=county_id, active=True).annotate(
        n=Count("members", filter=_network_members("members__user__"), distinct=True)
    )
    return (
        everyone,
        [Audience(f"team:{t.pk}", t.display_name, t.n) for t in teams.order_by("name", "pk")],
        [Audience(f"group:{g.pk}", g.name, g.n) for g in groups.order_by("name", "pk")],
    )


def audience_members(county_id: int, key: str) -> QuerySet[User] | None:
    """The users an audience key names within the county; None when the key names nothing
    of this county (another county's team, an inactive group, a made-up key)."""
    kind, _sep, number = key.partition(":")
    if key == COUNTY:
        return User.objects.filter(_county_staff(county_id))
    if not number.isdecimal() or len(number) > 18:
        return None
    if kind == "team" and Team.objects.filter(pk=int(number), county_id=county_id).exists():
        return User.objects.filter(_county_staff(county_id), team_id=int(number))
    group = DeveloperGroup.objects.filter(pk=int(number), county_id=county_id, active=True)
    if kind == "group" and group.exists():
        return User.objects.filter(_network_members(), developer_groups__group_id=int(number))
    return None
