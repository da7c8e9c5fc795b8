"""What a typed name may mean: the register's vocabulary of name words (``NameWord``), looked
up with typos and accents forgiven. The one rule of every search for a person by name: the
client search (casework/search_selectors.py), the intake's child search and the likely
duplicates of a new person (selectors.py: ``child_search``, ``persons_similar``), so that a
name the header's search finds is never missed where a miss makes a second person.

Names are folded (lower case, no accents) and matched word by word: each typed word is
looked up in the vocabulary (a trigram index) for the words it may mean, by pg_trgm's strict
word similarity, as their beginning, or (a word of 4 letters or more) one error away by
fuzzystrmatch's edit distance. So "Soderstrom" means "söderström", "Virtannen" "virtanen",
"Virt" "virtanen", "Nylnd" "nylund". The persons with the words meant are then read through
the index of ``Person.name_keys`` (the county's words: ``county_keys``); docs/performance.md,
"Typos in short names".
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from django.db.models import Func, IntegerField, Q, Value
from django.db.models.functions import Left, Length, Substr
from django.db.models.lookups import LessThanOrEqual, Range

from monia.people.models import Fold, NameWord

if TYPE_CHECKING:
    from monia.people.selectors import SearchTerms

# A typed word means a word of the vocabulary when their strict word similarity is at least
# pg_trgm.strict_word_similarity_threshold (0.5, PostgreSQL's default): "virtannen" ~
# "virtanen" 0.73, "korhnen" ~ "korhonen" 0.55, "virtamen" ~ "virtanen" 0.5 (meant);
# "oksanen" ~ "vaisanen" 0.31, "virtanen" ~ "virtala" 0.42 (not meant). A typed word of
# MIN_PART letters or more also means the words it begins ("virt": "virtanen").
MIN_PART = 3
# One-letter words (initials) would mean nearly every name: they are left out of the match.
MIN_WORD = 2
# A typed word of MIN_EDIT to MAX_EDIT letters also means the words one error away: a
# letter dropped, added or wrong (fuzzystrmatch's Levenshtein distance 1), or two
# neighbouring letters swapped ("Nylnd", "Nyulnd", "Mäkl": Nylund, Nylund, Mäki), where the
# trigrams of a short word fail: "nylnd" ~ "nylund" 0.44, "mkai" ~ "maki" 0.11. Never two
# errors: "Nlnd" is two from Nylund, and as far from Nyland and Lind; a longer word with
# more errors is found by its trigrams ("virrtannen" ~ "virtanen" 0.64). Three letters are
# too few: "ahi" is one error from Aho, Ahti, Ali, Hai … (docs/performance.md, "Typos in
# short names").
MIN_EDIT = 4
MAX_EDIT = 30


def fold(text: str) -> str:
    """Lower case without accents, as the database's ``monia_fold`` folds names ("Söderström"
    → "soderstrom"; people/migrations/0004)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(text: str) -> set[str]:
    """The folded words of a name: "Anna-Liisa Söderström" → {anna, liisa, soderstrom}."""
    return {w for w in re.split(r"[\s\-]+", fold(text)) if w}


def words_typed(name: str) -> list[str]:
    """The words of a name as typed, to look up ("Anna-Liisa" is two), initials left out."""
    return [w for w in re.split(r"[\s\-]+", name) if len(w) >= MIN_WORD]


def typed_words(terms: SearchTerms) -> list[str]:
    """The words of the names of a search term; none for an identity code."""
    if terms.canonical:
        return []
    return [w for name in terms.names for w in words_typed(name)]


def county_keys(county_id: int, words: list[str]) -> list[str]:
    """The words as ``Person.name_keys`` holds them for one county: the persons whose keys
    overlap these are the county's persons with one of the words (one GIN index look-up)."""
    return [f"{county_id}:{w}" for w in words]


class EditDistance(Func):
    """fuzzystrmatch's ``levenshtein_less_equal(a, b, most)``: the letters to drop, add or
    change to turn a into b, or some number over ``most`` once it is over (it stops
    counting there). People/migrations/0007 creates the extension."""

    function = "levenshtein_less_equal"
    output_field = IntegerField()


def _swapped(word: str) -> list[str]:
    """The word with one pair of neighbouring letters swapped, every way ("aion": iaon,
    aoin, aino)."""
    variants = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return sorted(variants - {word})


def _one_error_away(word: str) -> Q:
    """The vocabulary's words one error from the typed ``word``, found through indexes. Cut
    the typed word in two anywhere: a word one edit away begins with the part before the
    cut, or ends with the part after it (the edit falls on one side), so only the words
    with that beginning (the primary key's pattern index) or that end (the trigram index)
    and about its length are measured. The cut leaves the longer part at the end, since
    Finnish names share their endings ("-nen", "-la"). A swapped pair, which the extension
    counts as two edits, is looked up as such (the primary key; folded here as the
    database folds Finnish and Swedish letters)."""
    folded = fold(word)
    cut = 2 if len(folded) <= 5 else max(3, len(folded) // 2 - 1)
    typed = Fold(Value(word))
    near = Q(word__startswith=Left(typed, cut)) | Q(word__endswith=Substr(typed, cut + 1))
    # A letter more or less at most: cheaper to ask first than the distance.
    size = Q(Range(Length("word"), (Length(typed) - 1, Length(typed) + 1)))
    # The extension refuses words over 255 letters; a word cut at MAX_EDIT + 2 letters is
    # one error from no typed word of MAX_EDIT letters unless it was that short already.
    distance = EditDistance(Left("word", MAX_EDIT + 2), typed, Value(1))
    return (near & size & Q(LessThanOrEqual(distance, 1))) | Q(word__in=_swapped(folded))


def words_meant(words: list[str]) -> list[list[str]]:
    """For each typed word, the vocabulary's words it may mean. One query, a UNION ALL of a
    part for each way a word is meant: each part measures only the words its own index
    found (one WHERE of ORs measured every word found every way, 16 ms for "Mäkl"); no
    query for no words."""
    parts = []
    for i, word in enumerate(words):
        folded = Fold(Value(word))
        # word %>> typed: strict_word_similarity(typed, word) >= the threshold (trigram index).
        meant = Q(word__trigram_strict_word_similar=folded)
        if len(word) >= MIN_PART:
            meant |= Q(word__startswith=folded)
        ways = [meant]
        if MIN_EDIT <= len(fold(word)) <= MAX_EDIT:
            ways.append(_one_error_away(word))
        parts += [NameWord.objects.filter(w).values_list("word", Value(i)) for w in ways]
    found: list[dict[str, None]] = [{} for _ in words]  # each word once
    if parts:
        for name, i in parts[0].union(*parts[1:], all=True):
            found[i][name] = None
    return [list(names) for names in found]
