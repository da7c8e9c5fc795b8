"""How hard a text is to read: LIX (Björnsson's läsbarhetsindex), words per sentence plus
the percentage of words longer than six letters. Under 25 is the band of children's books in
Swedish and English. Finnish compounds and case endings make words long, so the same plain
text scores higher: our own calibration [U] holds Finnish under 45 (tests/test_reading_level.py
measures the portal's own sentences against the same bounds)."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
CHILD_LIX = {"fi": 45.0, "sv": 25.0, "en": 25.0}  # a nine-year-old's level
MAX_WORDS_PER_SENTENCE = 9.0


def lix(texts: list[str]) -> tuple[float, float]:
    """(LIX, words per sentence) of the texts; placeholders count as one short word."""
    words = sentences = long_words = 0
    for text in texts:
        found = WORD.findall(re.sub(r"%\(\w+\)s", "X", text))
        words += len(found)
        long_words += sum(1 for w in found if len(w) > 6)
        sentences += max(1, len(SENTENCE_END.findall(text)))
    if not words:
        return 0.0, 0.0
    per_sentence = words / sentences
    return per_sentence + 100 * long_words / words, per_sentence


def reads_at_a_childs_level(text: str, language: str) -> tuple[bool, float]:
    """Whether a text reads at a nine-year-old's level in its language, and its LIX."""
    score, per_sentence = lix([line for line in text.splitlines() if line.strip()])
    bound = CHILD_LIX.get(language, CHILD_LIX["fi"])
    return score <= bound and per_sentence <= MAX_WORDS_PER_SENTENCE, score
