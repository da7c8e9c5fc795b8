"""Which wording a respondent sees: their language and age band first, then the nearest
age band in their language, then the same in Finnish, Swedish and English (the county's
questionnaire may have been written in Finnish only). Pure: no query."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from monia.feedback.models import AgeBand, QuestionText

# The nearest band first: a child reads a young person's wording before an adult's.
NEAREST = {
    AgeBand.CHILD: (AgeBand.CHILD, AgeBand.YOUTH, AgeBand.ADULT),
    AgeBand.YOUTH: (AgeBand.YOUTH, AgeBand.CHILD, AgeBand.ADULT),
    AgeBand.ADULT: (AgeBand.ADULT, AgeBand.YOUTH, AgeBand.CHILD),
}
LANGUAGES = ("fi", "sv", "en")


def age_band(birth: datetime.date | None, day: datetime.date) -> AgeBand:
    """Up to 12 a child, 13–17 a young person, else (or unknown) an adult."""
    if birth is None:
        return AgeBand.ADULT
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    if age <= 12:
        return AgeBand.CHILD
    return AgeBand.YOUTH if age < 18 else AgeBand.ADULT


def text_for(texts: Iterable[QuestionText], *, language: str, band: str) -> str:
    """The best wording of one question (its texts already fetched)."""
    by_key = {(t.language, t.age_band): t.text for t in texts}
    bands = NEAREST.get(AgeBand(band) if band in AgeBand.values else AgeBand.ADULT)
    languages = (language, *(lang for lang in LANGUAGES if lang != language))
    for lang in languages:
        for b in bands or ():
            if (lang, b) in by_key:
                return by_key[(lang, b)]
    return ""
