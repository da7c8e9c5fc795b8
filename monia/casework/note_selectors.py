"""Reads of client notes: a case's notes, newest first, by type and by full-text search.

The search reads two stored vectors of each note and amendment (``note_models``): the
text stemmed in Finnish and in Swedish, so "kotikäynnillä" finds "kotikäynti" and
"skolan" finds "skola" whichever language the worker wrote in. The query is PostgreSQL's
``websearch_to_tsquery`` (words, "a phrase", -not, or), and each hit comes back with the
matching words marked in the language that matched.

A signed note is read by whoever may see the case; a draft only by its author. The
caller has reached the case through ``policy.case_get_for_user``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models import Case as SqlCase
from django.db.models import F, Func, Q, QuerySet, TextField, Value, When
from django.db.models.functions import NullIf
from django.utils.safestring import SafeString

from monia.accounts.models import User
from monia.casework.models import Case, ClientNote, NoteAmendment
from monia.casework.note_models import SEARCHED_FIELDS
from monia.people.models import Person
from monia.ui.highlight import START, STOP, marked


@dataclass(frozen=True)
class NoteRow:
    """A note in the list; when searching, its text around the hits, hits marked."""

    note: ClientNote
    headline: SafeString | None = None
    amendment_headlines: tuple[SafeString, ...] = ()


def family_members(child: Person) -> list[Person]:
    """The people tied to the child (parents, guardians, siblings …): who may be named as
    present at a meeting."""
    return list(
        Person.objects.filter(Q(ties_from__to_person=child) | Q(ties_to__from_person=child))
        .exclude(pk=child.pk)
        .distinct()
        .order_by("last_name", "first_names", "pk")
    )


def visible_notes(case: Case, user: User) -> QuerySet[ClientNote]:
    """The case's signed notes and the user's own drafts."""
    return ClientNote.objects.filter(case=case).filter(Q(signed_at__isnull=False) | Q(author=user))


def _joined(*fields: str) -> Func:
    """The fields' text joined with " · ", the empty ones left out."""
    return Func(
        Value(" · "),
        *(NullIf(F(f), Value("")) for f in fields),
        function="CONCAT_WS",
        output_field=TextField(),
    )


def _ts_headline(text: Func, query: SearchQuery, config: str) -> SearchHeadline:
    """Up to three passages around the hits, each hit between the markers."""
    return SearchHeadline(
        text,
        query,
        config=config,
        start_sel=START,
        stop_sel=STOP,
        max_fragments=3,
        min_words=8,
        max_words=30,
        fragment_delimiter=" … ",
    )


def _headline(fields: tuple[str, ...], query: str) -> SqlCase:
    """ts_headline in the language whose stemming matched (Finnish first)."""
    fi = SearchQuery(query, config="finnish", search_type="websearch")
    sv = SearchQuery(query, config="swedish", search_type="websearch")
    text = _joined(*fields)
    return SqlCase(
        When(search_fi=fi, then=_ts_headline(text, fi, "finnish")),
        default=_ts_headline(text, sv, "swedish"),
        output_field=TextField(),
    )


def _matches(query: str) -> Q:
    return Q(search_fi=SearchQuery(query, config="finnish", search_type="websearch")) | Q(
        search_sv=SearchQuery(query, config="swedish", search_type="websearch")
    )


def notes_list(case: Case, *, user: User, note_type: str = "", query: str = "") -> list[NoteRow]:
    """The notes the user may read, newest first; of one type, and matching ``query`` in
    the note or in an amendment of it. Three queries at most, however many notes."""
    notes = (
        visible_notes(case, user)
        .select_related("author", "signed_by")
        .prefetch_related("amendments")
        .order_by("-occurred_on", F("occurred_time").desc(nulls_last=True), "-pk")
    )
    if note_type:
        notes = notes.filter(note_type=note_type)
    if not query:
        return [NoteRow(n) for n in notes]
    amended = NoteAmendment.objects.filter(_matches(query), note__in=notes.values("pk"))
    found: dict[int, list[SafeString]] = {}
    for note_id, text in amended.annotate(h=_headline(("text", "reason"), query)).values_list(
        "note_id", "h"
    ):
        found.setdefault(note_id, []).append(marked(text))
    hits = notes.filter(_matches(query) | Q(pk__in=list(found))).annotate(
        headline=_headline(SEARCHED_FIELDS, query)
    )
    return [NoteRow(n, marked(n.headline), tuple(found.get(n.pk, ()))) for n in hits]
