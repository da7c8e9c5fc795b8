"""The wording a respondent sees: their language and age band, falling back to the nearest
band, then to Finnish, Swedish and English."""

from __future__ import annotations

import datetime

from monia.feedback.models import QuestionText
from monia.feedback.wording import age_band, text_for

TEXTS = [
    QuestionText(language="fi", age_band="child", text="fi-child"),
    QuestionText(language="fi", age_band="adult", text="fi-adult"),
    QuestionText(language="sv", age_band="youth", text="sv-youth"),
]


def test_own_language_and_band_first() -> None:
    assert text_for(TEXTS, language="fi", band="child") == "fi-child"
    assert text_for(TEXTS, language="sv", band="youth") == "sv-youth"


def test_nearest_band_in_the_same_language_before_another_language() -> None:
    assert text_for(TEXTS, language="sv", band="adult") == "sv-youth"
    assert text_for(TEXTS, language="fi", band="youth") == "fi-child"


def test_a_language_without_any_wording_falls_back_to_finnish() -> None:
    assert text_for(TEXTS, language="en", band="adult") == "fi-adult"
    assert text_for([], language="fi", band="adult") == ""


def test_age_bands() -> None:
    day = datetime.date(2026, 12, 5)
    assert age_band(datetime.date(2014, 12, 5), day) == "child"  # 12 today
    assert age_band(datetime.date(2013, 12, 5), day) == "youth"  # 13 today
    assert age_band(datetime.date(2008, 12, 6), day) == "youth"  # 17
    assert age_band(datetime.date(2008, 12, 5), day) == "adult"
    assert age_band(None, day) == "adult"
