"""A published questionnaire of county A and invitations, for the feedback tests."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia.accounts.models import Role, User
from monia.conftest import make_user
from monia.feedback import services
from monia.feedback.models import ContextKind, Invitation, Question, Questionnaire
from monia.teams.models import County

WORDS = {
    ("fi", "adult"): "Miten tapaaminen meni?",
    ("fi", "youth"): "Miltä tapaaminen tuntui?",
    ("sv", "adult"): "Hur gick mötet?",
    ("en", "child"): "Was the meeting nice?",
}


def questionnaire(county: County, creator: User, **extra: Any) -> Questionnaire:
    q = services.questionnaire_create(
        user=creator,
        data={"name": "Palaute tapaamisesta", "trigger": "after_network_meeting", **extra},
    )
    services.question_save(questionnaire=q, question=None, kind="face", required=True, texts=WORDS)
    services.question_save(
        questionnaire=q,
        question=None,
        kind="text",
        required=False,
        texts={("fi", "adult"): "Mitä haluat sanoa?"},
    )
    services.questionnaire_publish(questionnaire=q)
    return q


def face(q: Questionnaire) -> Question:
    return q.questions.get(kind="face")


def answered(
    q: Questionnaire, county: County, values: list[int], *, at: datetime.datetime, start: int = 0
) -> None:
    """Staff accounts answering the face question (one each) at one moment."""
    for i, value in enumerate(values, start=start):
        user = make_user(f"resp{i}", Role.SOCIAL_WORKER, county, None)
        services.invitations_for(
            q, [user], context_kind=ContextKind.EVENT, context_id=1, context_date=at.date()
        )
        inv = Invitation.objects.get(respondent_user=user)
        services.answers_submit(
            invitation_id=inv.pk,
            questions=list(q.questions.all()),
            answers={f"q_{face(q).pk}": value, f"q_{q.questions.get(kind='text').pk}": "x"},
        )
        Invitation.objects.filter(pk=inv.pk).update(answered_at=at)


def now_minus(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
