"""Writes of the feedback questionnaires: defining (draft → published → a new version),
inviting and answering. Each validates first, then writes in one transaction."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import User
from monia.feedback import selectors
from monia.feedback.models import (
    AgeBand,
    Answer,
    ContextKind,
    Invitation,
    Question,
    QuestionKind,
    Questionnaire,
    QuestionText,
)
from monia.feedback.wording import age_band
from monia.notify.models import NotificationKind
from monia.notify.services import notify
from monia.people.models import Person

# How long an invitation stays open in the portal.
OPEN_DAYS = 30
# An invitation still open this many days after it was made gets its one reminder.
REMIND_AFTER_DAYS = 7
TEXT_MAX = 2000
QUESTIONNAIRE_FIELDS = (
    "name",
    "purpose",
    "purpose_sv",
    "purpose_en",
    "trigger",
    "active",
    "licensed",
    "licence_note",
)
RANGES = {
    QuestionKind.FACE: (1, 5),
    QuestionKind.SCALE_10: (0, 10),
    QuestionKind.YES_NO: (0, 1),
}


def _check_licence(data: Mapping[str, Any]) -> None:
    if data.get("licensed") and not str(data.get("licence_note", "")).strip():
        raise ValidationError({"licence_note": _("Say who holds the licence and until when.")})


def questionnaire_create(*, user: User, data: Mapping[str, Any]) -> Questionnaire:
    _check_licence(data)
    if user.county_id is None:
        raise ValidationError(_("Only a county's coordinator defines questionnaires."))
    return Questionnaire.objects.create(
        county_id=user.county_id,
        created_by=user,
        **{f: data[f] for f in QUESTIONNAIRE_FIELDS if f in data},
    )


def questionnaire_update(*, questionnaire: Questionnaire, data: Mapping[str, Any]) -> None:
    """Name, purpose, when it is asked, active and the licence: editable in every version
    (the questions are what a published version freezes)."""
    _check_licence(data)
    for f in QUESTIONNAIRE_FIELDS:
        if f in data:
            setattr(questionnaire, f, data[f])
    questionnaire.save(update_fields=list(QUESTIONNAIRE_FIELDS))


def _check_draft(questionnaire: Questionnaire) -> None:
    if questionnaire.is_published:
        raise ValidationError(
            _("This version is published: its questions cannot change. Make a new version.")
        )


def question_save(
    *,
    questionnaire: Questionnaire,
    question: Question | None,
    kind: str,
    required: bool,
    texts: Mapping[tuple[str, str], str],
) -> Question:
    """A new question at the end, or a draft's question changed; its wordings replaced."""
    _check_draft(questionnaire)
    wordings = {key: text.strip() for key, text in texts.items() if text and text.strip()}
    if not wordings:
        raise ValidationError({"text_fi_adult": _("Write the question in at least one way.")})
    with transaction.atomic():
        if question is None:
            top = questionnaire.questions.aggregate(top=Max("order"))["top"] or 0
            question = Question.objects.create(
                questionnaire=questionnaire, order=top + 1, kind=kind, required=required
            )
        else:
            question.kind, question.required = kind, required
            question.save(update_fields=["kind", "required"])
            question.texts.all().delete()
        QuestionText.objects.bulk_create(
            QuestionText(question=question, language=lang, age_band=band, text=text)
            for (lang, band), text in wordings.items()
        )
    return question


def question_delete(*, question: Question) -> None:
    _check_draft(question.questionnaire)
    question.delete()


def questionnaire_publish(*, questionnaire: Questionnaire) -> None:
    """Freeze the questions; the previous version stops being asked."""
    if questionnaire.is_published:
        return  # a second click
    if not questionnaire.questions.exists():
        raise ValidationError(_("Add at least one question before publishing."))
    with transaction.atomic():
        questionnaire.published_at = timezone.now()
        questionnaire.save(update_fields=["published_at"])
        if questionnaire.previous_id:
            Questionnaire.objects.filter(pk=questionnaire.previous_id).update(active=False)


def questionnaire_new_version(*, user: User, questionnaire: Questionnaire) -> Questionnaire:
    """A draft copy of a published version to edit; a second click finds the same draft."""
    if not questionnaire.is_published:
        return questionnaire
    existing = Questionnaire.objects.filter(previous=questionnaire).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        copy = Questionnaire.objects.create(
            county_id=questionnaire.county_id,
            created_by=user,
            version=questionnaire.version + 1,
            previous=questionnaire,
            **{f: getattr(questionnaire, f) for f in QUESTIONNAIRE_FIELDS},
        )
        for old in questionnaire.questions.prefetch_related("texts"):
            new = Question.objects.create(
                questionnaire=copy, order=old.order, kind=old.kind, required=old.required
            )
            QuestionText.objects.bulk_create(
                QuestionText(question=new, language=t.language, age_band=t.age_band, text=t.text)
                for t in old.texts.all()
            )
    return copy


def invitation_build(
    questionnaire: Questionnaire,
    respondent: Person | User,
    *,
    context_kind: str,
    context_id: int,
    context_date: datetime.date,
    case_id: int | None,
    today: datetime.date,
) -> Invitation:
    """One invitation, not saved yet (``invitations_create`` saves many at once)."""
    person = respondent if isinstance(respondent, Person) else None
    return Invitation(
        questionnaire=questionnaire,
        respondent_person=person,
        respondent_user=respondent if isinstance(respondent, User) else None,
        case_id=case_id,
        context_kind=context_kind,
        context_id=context_id,
        context_date=context_date,
        age_band=age_band(person.birth_date, today) if person else AgeBand.ADULT,
        closes_on=today + datetime.timedelta(days=OPEN_DAYS),
    )


# One statement for any number of invitations (arrays, not a parameter per value: no
# limit on the rows). The unique constraints skip an invitation already made, and the
# row count is exactly the rows inserted: bulk_create(ignore_conflicts=True) cannot say.
_INSERT_NEW = f"""
INSERT INTO {Invitation._meta.db_table}
    (questionnaire_id, respondent_person_id, respondent_user_id, case_id, context_kind,
     context_id, context_date, age_band, created_at, closes_on)
SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[], %s::bigint[], %s::text[],
                     %s::integer[], %s::date[], %s::text[], %s::timestamptz[], %s::date[])
ON CONFLICT DO NOTHING
RETURNING respondent_user_id
"""  # noqa: S608 - the table's name from the model


def invitations_create(invitations: Iterable[Invitation]) -> int:
    """Save these invitations in one statement; one already made (the same questionnaire,
    respondent and thing asked about) is left as it is. Returns how many are new."""
    rows = [
        (
            i.questionnaire_id,
            i.respondent_person_id,
            i.respondent_user_id,
            i.case_id,
            i.context_kind,
            i.context_id,
            i.context_date,
            i.age_band,
            i.created_at,
            i.closes_on,
        )
        for i in invitations
    ]
    if not rows:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_NEW, [list(column) for column in zip(*rows, strict=True)])
        made = cursor.fetchall()
    # Staff, partners and experts asked (after an event) are told where the question waits:
    # their /develop/ page lists it. One notice each, in one write whatever their number;
    # the e-mail names nothing. Portal clients find theirs on the portal's front page.
    asked = [user_id for (user_id,) in made if user_id is not None]
    if asked:
        notify(
            users=User.objects.filter(pk__in=asked),
            kind=NotificationKind.INVITATION,
            message=gettext_noop("A feedback question is waiting for your answer"),
            link=reverse("develop"),
        )
    return len(made)


def invitations_for(
    questionnaire: Questionnaire,
    respondents: Iterable[Person | User],
    *,
    context_kind: str = ContextKind.EVENT,
    context_id: int = 0,
    context_date: datetime.date | None = None,
    case_id: int | None = None,
    today: datetime.date | None = None,
) -> int:
    """Ask these people (clients' register rows, or user accounts, e.g. an event's
    participants) one published questionnaire about one thing. Idempotent: an invitation
    already made is left as it is. Returns how many are new."""
    if not questionnaire.is_published or not questionnaire.active:
        return 0
    today = today or timezone.localdate()
    return invitations_create(
        invitation_build(
            questionnaire,
            r,
            context_kind=context_kind,
            context_id=context_id,
            context_date=context_date or today,
            case_id=case_id,
            today=today,
        )
        for r in respondents
    )


@dataclasses.dataclass(frozen=True)
class AskResult:
    audience: int  # how many the chosen group holds
    new: int  # how many were asked now

    @property
    def already(self) -> int:
        """Those in the group who already had an invitation (nothing new made for them)."""
        return self.audience - self.new


def questionnaire_ask(
    *,
    questionnaire: Questionnaire,
    audience: str,
    today: datetime.date | None = None,
) -> AskResult:
    """The coordinator's "Ask now": asks one of the county's staff-side groups
    (``selectors.audience_members``) a published, active questionnaire by hand.

    The context is the day asked (kind "manual", id the day's ordinal), so asking the same
    group again that day makes nothing new (the invitation's unique constraint); on a later
    day anyone whose invitation to this version is still open (unanswered, not closed) is
    left out too: nobody holds two open invitations to one version. Someone who answered,
    or whose invitation closed, can be asked again on another day. The new respondents are
    told as everyone asked is (``invitations_create``: a notice and a content-free e-mail)."""
    if not questionnaire.is_published:
        raise ValidationError(_("Publish the questionnaire before asking anyone."))
    if not questionnaire.active:
        raise ValidationError(_("This questionnaire is not active: make it active first."))
    members = selectors.audience_members(questionnaire.county_id, audience)
    if members is None:
        raise ValidationError({"audience": _("Choose one of your county's groups.")})
    today = today or timezone.localdate()
    with transaction.atomic():
        # One ask of a questionnaire at a time: the open invitations read below stay true.
        list(Questionnaire.objects.select_for_update().filter(pk=questionnaire.pk).values("pk"))
        people = list(members.order_by("pk").distinct())
        still_open = set(
            Invitation.objects.filter(
                questionnaire=questionnaire,
                respondent_user__in=[u.pk for u in people],
                answered_at__isnull=True,
                closes_on__gte=today,
            ).values_list("respondent_user_id", flat=True)
        )
        new = invitations_for(
            questionnaire,
            [u for u in people if u.pk not in still_open],
            context_kind=ContextKind.MANUAL,
            context_id=today.toordinal(),
            context_date=today,
            today=today,
        )
    return AskResult(audience=len(people), new=new)


# The one reminder of each invitation due: claimed and read in one statement. Due: made a
# week ago or more, still open (unanswered, not closed), asked of an account (staff,
# partners, experts by experience: portal clients have no notices, their questions wait
# on the portal's front page), of a questionnaire still published and active and not
# followed by a published version. ``reminded_at IS NULL`` also keeps two runs at once
# from reminding twice: the second waits on the row and then finds it set.
_CLAIM_REMINDERS = f"""
UPDATE {Invitation._meta.db_table} AS i SET reminded_at = %(now)s
FROM {Questionnaire._meta.db_table} AS q
WHERE q.id = i.questionnaire_id
  AND i.reminded_at IS NULL AND i.answered_at IS NULL AND i.respondent_user_id IS NOT NULL
  AND i.created_at <= %(due)s AND i.closes_on >= %(today)s
  AND q.active AND q.published_at IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM {Questionnaire._meta.db_table} AS n
    WHERE n.previous_id = q.id AND n.published_at IS NOT NULL
  )
RETURNING i.respondent_user_id
"""  # noqa: S608 - the tables' names from the models


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind once those asked a week ago who have not answered: one notice each (however
    many of their questions wait) and a content-free e-mail. Idempotent; the same queries
    however many are due, in one transaction. Returns how many invitations were reminded."""
    now = now or timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                _CLAIM_REMINDERS,
                {
                    "now": now,
                    "due": now - datetime.timedelta(days=REMIND_AFTER_DAYS),
                    "today": timezone.localtime(now).date(),
                },
            )
            reminded = [user_id for (user_id,) in cursor.fetchall()]
        if reminded:
            notify(
                users=User.objects.filter(pk__in=set(reminded)),
                kind=NotificationKind.INVITATION,
                message=gettext_noop("Reminder: a feedback question is waiting for your answer"),
                link=reverse("develop"),
            )
    return len(reminded)


def answers_submit(
    *,
    invitation_id: int,
    questions: Iterable[Question],
    answers: Mapping[str, Any],
    today: datetime.date | None = None,
) -> bool:
    """Save one invitation's answers at once (``answers``: ``q_<question id>`` → a number
    or text). A second submit (a double click, the back button) saves nothing and returns
    False; a required question left empty saves nothing at all."""
    questions = list(questions)
    errors = {
        f"q_{q.pk}": _("This question needs an answer.")
        for q in questions
        if q.required and answers.get(f"q_{q.pk}") in (None, "")
    }
    for q in questions:
        value = answers.get(f"q_{q.pk}")
        low_high = RANGES.get(QuestionKind(q.kind))
        if low_high and value not in (None, "") and not low_high[0] <= int(value) <= low_high[1]:
            errors[f"q_{q.pk}"] = _("Choose one of the options.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation_id)
        if invitation.answered_at is not None:
            return False
        if invitation.closes_on < (today or timezone.localdate()):
            raise ValidationError(_("The time to answer this has ended."))
        own = [q for q in questions if q.questionnaire_id == invitation.questionnaire_id]
        rows = [_answer(invitation, q, answers.get(f"q_{q.pk}")) for q in own]
        Answer.objects.bulk_create(r for r in rows if r is not None)
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["answered_at"])
    return True


def _answer(invitation: Invitation, question: Question, value: Any) -> Answer | None:
    if value in (None, ""):
        return None
    if question.kind == QuestionKind.TEXT:
        return Answer(invitation=invitation, question=question, text=str(value)[:TEXT_MAX])
    return Answer(invitation=invitation, question=question, value=int(value))
