"""Who may send a notification now: the rule that keeps robots out without turning away a
school, a hospital or a police station whose staff all reach the internet from one address.

A statutory notification (LsL 25 §) is never refused for being one of many: a busy
address or a reused form first gets a simple question that a person answers at once
(arithmetic in the reader's language, served by Monia itself: no third-party service sees
the notifier). Only far past any real workload — a ceiling on one address or one form —
is a notification refused, and then the form comes back with everything typed in it and
the phone numbers to call instead.

Each form carries a signed token issued with it (a *form session*); the notifications
sent with one token are counted, so a robot replaying one form is asked the question
however many addresses it uses.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

FORM_SESSION_SALT = "monia.enotify.form-session"
CHALLENGE_SALT = "monia.enotify.challenge"
# A form left open over a weekend still works; an older token only means the question.
FORM_TOKEN_MAX_AGE = 3 * 24 * 60 * 60
# Notifications one form session sends before the question, and the most it ever sends.
SESSION_FREE = 1
SESSION_CEILING = 5
# The refusal ceiling of one address is this many times its question threshold
# (MONIA_ENOTIFY_RATE_HOUR / _DAY): 100 an hour and 400 a day with the defaults.
ADDRESS_CEILING_FACTOR = 20


class Gate(enum.Enum):
    ACCEPT = "accept"
    ASK = "ask"  # answer the question first; nothing is refused
    REFUSE = "refuse"  # past the ceiling: refused, the text kept on the page


class Answer(enum.Enum):
    """The state of the question in one submission."""

    NOT_ASKED = "not_asked"
    RIGHT = "right"
    WRONG = "wrong"


@dataclass(frozen=True)
class Counts:
    """Notifications already received from this address and with this form session."""

    address_hour: int
    address_day: int
    session: int


def decide(counts: Counts, *, session_valid: bool, answer: Answer) -> Gate:
    """The rule, as a pure function.

    >>> decide(Counts(0, 0, 0), session_valid=True, answer=Answer.NOT_ASKED)
    <Gate.ACCEPT: 'accept'>
    >>> decide(Counts(5, 5, 0), session_valid=True, answer=Answer.NOT_ASKED)
    <Gate.ASK: 'ask'>
    >>> decide(Counts(5, 5, 0), session_valid=True, answer=Answer.RIGHT)
    <Gate.ACCEPT: 'accept'>
    >>> decide(Counts(100, 100, 0), session_valid=True, answer=Answer.RIGHT)
    <Gate.REFUSE: 'refuse'>
    """
    hour = settings.MONIA_ENOTIFY_RATE_HOUR
    day = settings.MONIA_ENOTIFY_RATE_DAY
    if (
        counts.address_hour >= hour * ADDRESS_CEILING_FACTOR
        or counts.address_day >= day * ADDRESS_CEILING_FACTOR
        or counts.session >= SESSION_CEILING
    ):
        return Gate.REFUSE
    if answer is Answer.RIGHT:
        return Gate.ACCEPT
    if (
        not session_valid
        or counts.address_hour >= hour
        or counts.address_day >= day
        or counts.session >= SESSION_FREE
    ):
        return Gate.ASK
    return Gate.ACCEPT


# --- The form session -----------------------------------------------------------------


def form_token_issue() -> str:
    """A new form session: a random nonce, signed with its time of issue."""
    return signing.dumps({"n": secrets.token_hex(16)}, salt=FORM_SESSION_SALT)


def form_session_of(token: str) -> str:
    """The form session a token names (a hash of its nonce), or "" when the token is
    missing, forged or too old."""
    try:
        data = signing.loads(token, salt=FORM_SESSION_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return ""
    nonce = data.get("n") if isinstance(data, dict) else None
    if not isinstance(nonce, str) or not nonce:
        return ""
    return hashlib.sha256(nonce.encode()).hexdigest()


# --- The question -----------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    a: int
    b: int
    signed: str


def question_issue(form_session: str) -> Question:
    """A new sum of two small numbers, signed together with the form session: its answer
    is checked on the server and it does not work on another form."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    # A nonce: each question issued is a new one, even the same sum within the same second.
    nonce = secrets.token_hex(4)
    signed = signing.dumps({"s": form_session, "a": a, "b": b, "n": nonce}, salt=CHALLENGE_SALT)
    return Question(a=a, b=b, signed=signed)


def question_of(signed: str) -> Question | None:
    """The question a signed value carries, or None."""
    try:
        data = signing.loads(signed, salt=CHALLENGE_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    a, b = data.get("a"), data.get("b")
    if not isinstance(a, int) or not isinstance(b, int):
        return None
    return Question(a=a, b=b, signed=signed)


def answer_check(signed: str, answer: str, *, form_session: str) -> Answer:
    """Whether the notifier answered the question of this form session right. No
    answer counts as not asked; a form without a valid session never passes."""
    if not answer.strip():
        return Answer.NOT_ASKED
    if not form_session:
        return Answer.WRONG
    try:
        data = signing.loads(signed, salt=CHALLENGE_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return Answer.WRONG
    if not isinstance(data, dict) or data.get("s") != form_session:
        return Answer.WRONG
    try:
        given = int(answer.strip())
    except ValueError:
        return Answer.WRONG
    return Answer.RIGHT if given == data.get("a", 0) + data.get("b", 0) else Answer.WRONG
