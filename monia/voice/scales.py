"""The questions of My voice and "Were you heard?", worded for each kind of client.

The portal asks in plain words a nine-year-old reads ("How are things at home?"); the
staff pages show the short label ("At home") with the answer's face text.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from monia.voice.models import Face, HeardScore, VoiceKind

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

FACES: dict[int, StrPromise] = {int(v): label for v, label in Face.choices}
HEARD: dict[int, StrPromise] = {int(v): label for v, label in HeardScore.choices}


@dataclasses.dataclass(frozen=True)
class Question:
    field: str
    question: StrPromise  # what the portal asks
    label: StrPromise  # what the staff pages show


_HOME = Question("home", _("How are things at home?"), _("At home"))
_FRIENDS = Question("friends", _("How are things with your friends?"), _("With friends"))
_FEELING = Question("feeling", _("How do you feel now?"), _("Feeling now"))

SCALES: dict[str, tuple[Question, ...]] = {
    VoiceKind.YOUNG_PERSON: (
        _HOME,
        Question("school", _("How are things at school?"), _("At school")),
        _FRIENDS,
        _FEELING,
    ),
    VoiceKind.YOUNG_ADULT: (
        _HOME,
        Question("school", _("How are things with your studies or work?"), _("Studies or work")),
        _FRIENDS,
        _FEELING,
    ),
    VoiceKind.GUARDIAN: (
        _HOME,
        Question("child_doing", _("How is your child doing?"), _("How the child is doing")),
    ),
}

TEXTS: dict[str, tuple[Question, ...]] = {
    VoiceKind.YOUNG_PERSON: (
        Question("adults_know", _("What I want the adults to know"), _("Wants the adults to know")),
        Question("who_there", _("Who I want to be there"), _("Wants to be there")),
        Question("hopes", _("What I hope from the meeting"), _("Hopes from the meeting")),
    ),
    VoiceKind.GUARDIAN: (
        Question(
            "adults_know", _("What I want the workers to know"), _("Wants the workers to know")
        ),
        Question("who_there", _("Who I want to be there"), _("Wants to be there")),
        Question("hopes", _("What I hope from the meeting"), _("Hopes from the meeting")),
    ),
}
TEXTS[VoiceKind.YOUNG_ADULT] = TEXTS[VoiceKind.YOUNG_PERSON]


def scales_for(kind: str) -> tuple[Question, ...]:
    return SCALES[kind]


def texts_for(kind: str) -> tuple[Question, ...]:
    return TEXTS[kind]


def face_label(value: int | None) -> str:
    return str(FACES[value]) if value in FACES else ""


def heard_label(value: int | None) -> str:
    return str(HEARD[value]) if value in HEARD else ""
