"""Find a client (issue 12): the header's search over the cases a user may open, and, for a
term that identifies one person, the matters elsewhere in the county that exist.

Who may find what is decided in ``monia.access.search_rule`` (docs/security.md, "Who may
search"); the caller logs every row shown.

Names are matched folded (lower case, no accents) and word by word, in two steps: each
typed word is looked up in the register's vocabulary of name words (``NameWord``, a
trigram index) for the words it may mean, by pg_trgm's strict word similarity, as their
beginning, or (a word of 4 letters or more) one error away by fuzzystrmatch's edit distance;
then the children whose names hold a word meant for every word typed are read through the
index of ``Person.name_keys`` (the county's words). So "Soderstrom" finds "Söderström",
"Virtannen" finds "Virtanen", "Virt" finds "Virtanen", "Nylnd" finds "Nylund" and "Virtanen
Aino" finds "Aino Virtanen", and the search reads only the persons with the words meant
(docs/performance.md). The best match comes first. Two queries for a page of results,
whatever their number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import TrigramStrictWordSimilarity
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    Window,
)
from django.db.models.functions import Left, Length, Substr
from django.db.models.lookups import LessThanOrEqual, Range

from monia.casework.models import Case
from monia.people.models import Fold, NameWord
from monia.people.selectors import SearchTerms, fold, name_words

PAGE_SIZE = 20
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


@dataclass
class ClientSearch:
    """One page of the cases found that the user may open, and (on the first page) the
    matters elsewhere in the county of a person the term identifies."""

    page: Page[Case]
    matters: list[Case] = field(default_factory=list)

    @property
    def shown(self) -> list[Case]:
        return list(self.page.object_list)


def typed_words(terms: SearchTerms) -> list[str]:
    """The words of the names typed ("Anna-Liisa" is two), initials left out."""
    if terms.canonical:
        return []
    words = [w for name in terms.names for w in re.split(r"-+", name)]
    return [w for w in words if len(w) >= MIN_WORD]


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
    found (one WHERE of ORs measured every word found every way, 16 ms for "Mäkl")."""
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


def _matching(cases: QuerySet[Case], county_id: int, terms: SearchTerms) -> QuerySet[Case]:
    """The cases (of ``county_id``) whose child the terms find, best match first."""
    cases = cases.filter(child__merged_into__isnull=True)
    if terms.canonical:
        cases = cases.filter(child__identity_code_canonical=terms.canonical)
    if terms.birth_date is not None:
        cases = cases.filter(child__birth_date=terms.birth_date)
    order = ["child__last_name", "child__first_names", "child__birth_date", "-opened_at", "pk"]
    words = typed_words(terms)
    if not words:
        # The child's county is the case's: said so, the index (county, date of birth) serves.
        return cases.filter(child__county_id=F("county_id")).order_by(*order)
    meant = words_meant(words)
    if not all(meant):  # a word that means no name: no one
        return cases.none()
    similarities = []
    for word, names in zip(words, meant, strict=True):
        # The county is in the keys: one index look-up reads only this county's persons.
        cases = cases.filter(child__name_keys__overlap=[f"{county_id}:{n}" for n in names])
        typed: Any = Fold(Value(word))  # the stubs know a string; Django takes an expression
        similarities.append(TrigramStrictWordSimilarity(typed, "child__search_name"))
    rank = similarities[0] if len(similarities) == 1 else sum(similarities[1:], similarities[0])
    return cases.alias(rank=rank).order_by(F("rank").desc(), *order)


def _page(found: QuerySet[Case], number: object) -> Page[Case]:
    """One page of the cases found, counted in the same query (``COUNT(*) OVER ()``); a
    page past the end is the last page (one more query)."""
    wanted = _page_number(number)
    counted = found.annotate(total=Window(Count("pk")))
    rows = list(counted[(wanted - 1) * PAGE_SIZE : wanted * PAGE_SIZE])
    total: int = rows[0].total if rows else (found.count() if wanted > 1 else 0)
    # The paginator counts a range of the total: the page's rows are already read.
    paginator: Any = Paginator(range(total), PAGE_SIZE)
    page = paginator.get_page(wanted)
    if not rows and page.number != wanted and total:
        rows = list(counted[(page.number - 1) * PAGE_SIZE : page.number * PAGE_SIZE])
    return Page(rows, page.number, paginator)


def _page_number(number: object) -> int:
    try:
        return max(1, int(str(number)))
    except ValueError:
        return 1


def _exactly_named(case: Case, terms: SearchTerms) -> bool:
    """A full name: the child's last name and a first name among the words typed, and every
    word typed one of the child's names (accents and case aside, no typos)."""
    child = case.child
    typed = {w for name in terms.names for w in name_words(name)}
    last, first = name_words(child.last_name), name_words(child.first_names)
    return bool(typed & last) and bool(typed & first) and typed <= last | first


def matters_elsewhere(*, county_id: int, visible: QuerySet[Case], terms: SearchTerms) -> list[Case]:
    """The latest case of each child of the county that the terms identify (an identity
    code, or a full name with the date of birth, typed exactly) whose cases the user may
    not open. One query."""
    if not terms.identifies:
        return []
    children = Case.objects.filter(county_id=county_id, child__merged_into__isnull=True)
    if terms.canonical:
        children = children.filter(child__identity_code_canonical=terms.canonical)
    else:
        children = children.filter(child__birth_date=terms.birth_date)
    opened = visible.filter(child_id=OuterRef("child_id"))
    latest = (
        children.exclude(Exists(opened))
        .select_related("child", "team")
        .order_by("child_id", "-opened_at", "-pk")
        .distinct("child_id")
    )
    found = [c for c in latest if terms.canonical or _exactly_named(c, terms)]
    return sorted(found, key=lambda c: (c.child.last_name, c.child.first_names, c.child_id))


def client_search(
    *,
    visible: QuerySet[Case],
    county_id: int,
    terms: SearchTerms,
    page: str | int | None = 1,
    tell_matters: bool = False,
) -> ClientSearch:
    """Search the cases ``visible`` to the user (all of ``county_id``, the user's county);
    with ``tell_matters`` (the rule allowed it) also the matters elsewhere in the county."""
    found = _matching(visible, county_id, terms).select_related(
        "child", "team", "designated_worker"
    )
    result = ClientSearch(page=_page(found, page))
    if tell_matters and result.page.number == 1:
        result.matters = matters_elsewhere(county_id=county_id, visible=visible, terms=terms)
    return result
