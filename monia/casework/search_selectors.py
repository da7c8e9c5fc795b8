"""Find a client (issue 12): the header's search over the cases a user may open, and, for a
term that identifies one person, the matters elsewhere in the county that exist.

Who may find what is decided in ``monia.access.search_rule`` (docs/security.md, "Who may
search"); the caller logs every row shown.

Names are matched folded (lower case, no accents) and word by word, in two steps: each
typed word is looked up in the register's vocabulary of name words for the words it may
mean (``people.name_selectors.words_meant``: by trigrams, as their beginning, or one error
away), then the children whose names hold a word meant for every word typed are read
through the index of ``Person.name_keys`` (the county's words). So "Soderstrom" finds
"Söderström", "Virtannen" finds "Virtanen", "Virt" finds "Virtanen", "Nylnd" finds "Nylund"
and "Virtanen Aino" finds "Aino Virtanen", and the search reads only the persons with the
words meant (docs/performance.md). The best match comes first. Two queries for a page of
results, whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import TrigramStrictWordSimilarity
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Value, Window

from monia.casework.models import Case
from monia.people.models import Fold
from monia.people.name_selectors import county_keys, name_words, typed_words, words_meant
from monia.people.selectors import SearchTerms

PAGE_SIZE = 20


@dataclass
class ClientSearch:
    """One page of the cases found that the user may open, and (on the first page) the
    matters elsewhere in the county of a person the term identifies."""

    page: Page[Case]
    matters: list[Case] = field(default_factory=list)

    @property
    def shown(self) -> list[Case]:
        return list(self.page.object_list)


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
        cases = cases.filter(child__name_keys__overlap=county_keys(county_id, names))
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
