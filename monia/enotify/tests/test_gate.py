"""The rule that keeps robots out without stopping a school or hospital behind one address."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import signing
from hypothesis import given
from hypothesis import strategies as st

from monia.enotify import gate
from monia.enotify.gate import Answer, Counts, Gate, decide

counts = st.integers(min_value=0, max_value=1000)


def test_a_first_notification_from_a_fresh_form_is_accepted() -> None:
    assert decide(Counts(0, 0, 0), session_valid=True, answer=Answer.NOT_ASKED) is Gate.ACCEPT


@pytest.mark.parametrize(
    ("counts", "valid"),
    [
        (Counts(5, 5, 0), True),
        (Counts(0, 20, 0), True),
        (Counts(0, 0, 1), True),
        (Counts(0, 0, 0), False),
    ],
)
def test_a_busy_address_a_reused_form_or_no_form_session_is_asked(
    counts: Counts, valid: bool, settings: Any
) -> None:
    settings.MONIA_ENOTIFY_RATE_HOUR, settings.MONIA_ENOTIFY_RATE_DAY = 5, 20
    assert decide(counts, session_valid=valid, answer=Answer.NOT_ASKED) is Gate.ASK
    assert decide(counts, session_valid=valid, answer=Answer.WRONG) is Gate.ASK
    assert decide(counts, session_valid=valid, answer=Answer.RIGHT) is Gate.ACCEPT


def test_a_hospital_sending_ninety_an_hour_is_never_refused(settings: Any) -> None:
    """Twenty times the question threshold: far past what one workplace sends."""
    settings.MONIA_ENOTIFY_RATE_HOUR, settings.MONIA_ENOTIFY_RATE_DAY = 5, 20
    assert decide(Counts(99, 399, 0), session_valid=True, answer=Answer.RIGHT) is Gate.ACCEPT


@given(hour=counts, day=counts, session=counts)
def test_refusal_only_past_a_ceiling_whatever_the_answer(hour: int, day: int, session: int) -> None:
    result = decide(Counts(hour, day, session), session_valid=True, answer=Answer.RIGHT)
    factor = gate.ADDRESS_CEILING_FACTOR
    past_ceiling = (
        hour >= settings.MONIA_ENOTIFY_RATE_HOUR * factor
        or day >= settings.MONIA_ENOTIFY_RATE_DAY * factor
        or session >= gate.SESSION_CEILING
    )
    assert (result is Gate.REFUSE) == past_ceiling
    assert result in (Gate.ACCEPT, Gate.REFUSE)


def test_a_form_token_names_its_session_and_a_forged_one_none() -> None:
    token = gate.form_token_issue()
    session = gate.form_session_of(token)
    assert len(session) == 64 and session == gate.form_session_of(token)
    assert gate.form_session_of(gate.form_token_issue()) != session
    assert gate.form_session_of(token[:-2] + "xx") == ""
    assert gate.form_session_of(signing.dumps({"n": "a"}, salt="other")) == ""
    assert gate.form_session_of("") == ""


def test_the_question_is_checked_on_the_server_and_only_for_its_own_form() -> None:
    session = gate.form_session_of(gate.form_token_issue())
    q = gate.question_issue(session)
    right = str(q.a + q.b)
    assert gate.answer_check(q.signed, right, form_session=session) is Answer.RIGHT
    assert gate.answer_check(q.signed, f" {right} ", form_session=session) is Answer.RIGHT
    assert gate.answer_check(q.signed, str(q.a + q.b + 1), form_session=session) is Answer.WRONG
    assert gate.answer_check(q.signed, "seven", form_session=session) is Answer.WRONG
    assert gate.answer_check(q.signed, "", form_session=session) is Answer.NOT_ASKED
    other = gate.form_session_of(gate.form_token_issue())
    assert gate.answer_check(q.signed, right, form_session=other) is Answer.WRONG
    assert gate.answer_check(q.signed, right, form_session="") is Answer.WRONG
    forged = signing.dumps({"s": session, "a": 1, "b": 1}, salt="not-the-salt")
    assert gate.answer_check(forged, "2", form_session=session) is Answer.WRONG
    assert gate.question_of(q.signed) == q and gate.question_of("junk") is None


def test_thresholds_follow_the_settings(settings: Any) -> None:
    settings.MONIA_ENOTIFY_RATE_HOUR = 50
    assert decide(Counts(49, 0, 0), session_valid=True, answer=Answer.NOT_ASKED) is Gate.ACCEPT
    assert decide(Counts(50, 0, 0), session_valid=True, answer=Answer.NOT_ASKED) is Gate.ASK
