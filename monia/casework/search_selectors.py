"""Find a client (issue 12): the header's search over the cases a user may open, and, for a
term that identifies one person, the matters elsewhere in the county that exist.

Who may find what is decided in ``monia.access.search_rule`` (docs/security.md, "Who may
search"); the caller logs every row shown. Names are matched folded (lower case, no
accents: ``Person.search_name``) by pg_trgm's word similarity, word by word, so
"Soderstrom" finds "Söderström", "Virtannen" finds "Virtanen" and "Virtanen Aino" finds
"Aino Virtanen". A fixed number of queries whatever the number of results.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Q, QuerySet, Value

from monia.casework.models import Case
from monia.people.models import Fold
from monia.people.selectors import SearchTerms, name_words

PAGE_SIZE = 20
# pg_trgm word similarity a typed word needs with some part of the name: "virtannen" ~
# "aino virtanen" 0.73, "korhnen" ~ "korhonen" 0.55, "virtanen" ~ "virtala" 0.56 (found,
# ranked below the Virtanens), "virtanen" ~ "korhonen" 0.18 (not found).
NAME_SIMILARITY = 0.5
# One-letter words (initials) would match nearly everyone: they are left out of the match.
MIN_WORD = 2


@dataclass
class ClientSearch:
    """One page of the cases found that the user may open, and (on the first page) the
    matters elsewhere in the county of a person the term identifies."""

    page: Page[Case]
    matters: list[Case] = field(default_factory=list)

    @property
    def shown(self) -> list[Case]:
        return list(self.page.object_list)


def _name_words(terms: SearchTerms) -> list[str]:
    return [w for w in terms.names if len(w) >= MIN_WORD]


def _matching(cases: QuerySet[Case], terms: SearchTerms) -> QuerySet[Case]:
    """The cases whose child the terms find, best match first."""
    cases = cases.filter(child__merged_into__isnull=True)
    if terms.canonical:
        cases = cases.filter(child__identity_code_canonical=terms.canonical)
    if terms.birth_date is not None:
        cases = cases.filter(child__birth_date=terms.birth_date)
    words = [] if terms.canonical else _name_words(terms)
    order = ["child__last_name", "child__first_names", "child__birth_date", "-opened_at", "pk"]
    if not words:
        return cases.order_by(*order)
    rule = Q()
    similarities = []
    for word in words:
        folded = Fold(Value(word))
        # search_name %> word: word_similarity(word, search_name) >= the threshold (the
        # trigram index answers it); the threshold is set for this transaction.
        rule &= Q(child__search_name__trigram_word_similar=folded)
        similarities.append(TrigramWordSimilarity(folded, F("child__search_name")))
    rank = similarities[0] if len(similarities) == 1 else sum(similarities[1:], similarities[0])
    return cases.filter(rule).alias(rank=rank).order_by(F("rank").desc(), *order)


def _word_similarity_threshold() -> None:
    """pg_trgm's threshold for ``%>`` in this transaction only (SET LOCAL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(NAME_SIMILARITY)],
        )


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
    latest = (
        children.exclude(child_id__in=visible.values("child_id"))
        .select_related("child", "team")
        .order_by("child_id", "-opened_at", "-pk")
        .distinct("child_id")
    )
    found = [c for c in latest if terms.canonical or _exactly_named(c, terms)]
    return sorted(found, key=lambda c: (c.child.last_name, c.child.first_names, c.child_id))


def client_search(
    *,
    visible: QuerySet[Case],
    terms: SearchTerms,
    page: str | int | None = 1,
    county_id: int | None = None,
) -> ClientSearch:
    """Search the cases ``visible`` to the user; with ``county_id`` (the rule allowed it) also
    the matters elsewhere in that county. Run it inside a transaction (the name match's
    threshold is set for the transaction)."""
    if _name_words(terms) and not terms.canonical:
        _word_similarity_threshold()
    found = _matching(visible, terms).select_related("child", "team", "designated_worker")
    result = ClientSearch(page=Paginator(found, PAGE_SIZE).get_page(page))
    if county_id is not None and result.page.number == 1:
        result.matters = matters_elsewhere(county_id=county_id, visible=visible, terms=terms)
    return result
