"""The child of an intake, found and chosen inside the one intake form (no page of its own,
so nothing typed is lost): the search term, the persons found, the child chosen.

Shared by the staff intake (``views.intake_new``) and the conversion of an e-notification
(``enotify.views.detail``). Every person shown is logged through the policy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import Http404, HttpRequest, QueryDict
from django.utils import timezone

from monia.access import policy
from monia.accounts.models import User
from monia.casework.forms import ChildChoiceForm
from monia.people import hetu
from monia.people import selectors as people_selectors
from monia.people.models import Person
from monia.ui.fields import clean_search


@dataclass
class ChildSection:
    """The child part of the intake form as the page shows it."""

    choice: ChildChoiceForm
    found: people_selectors.ChildSearch
    chosen: Person | None
    children: list[Person] = field(default_factory=list)
    offer_new: bool = True
    #: Likely duplicates were found: the worker confirms a new child or chooses one.
    confirm: bool = False

    def add(self, user: User, persons: Iterable[Person], *, purpose: str) -> None:
        """Offer more persons to choose from (likely duplicates), logged as shown."""
        new = [p for p in persons if p not in self.children]
        policy.persons_found_for_intake(user, new, purpose=purpose)
        self.children += new
        self.choice.fields["person"].choices = (
            ChildChoiceForm(  # type: ignore[attr-defined]
                children=self.children
            )
            .fields["person"]
            .choices
        )  # type: ignore[attr-defined]
        self.confirm = True


def child_section(
    user: User,
    data: QueryDict,
    *,
    bound: bool,
    search_purpose: str,
    chosen_purpose: str,
    offer_new: bool = True,
) -> ChildSection:
    """Search (when there is a term), fetch the chosen child, log every person shown.

    ``data`` is the POST of the form, or the query string of a first GET (``?q=``,
    ``?person=``); ``bound`` says which."""
    # An unusable term (a NUL byte, control characters, too long) searches nothing; the
    # bound form below says why.
    query = clean_search(data.get("q"))
    found = people_selectors.ChildSearch()
    if query:
        found = people_selectors.child_search(
            county_id=user.county_id or 0,
            query=query,
            today=timezone.localdate(),
            team_id=user.team_id,
            worker_id=user.pk,
        )
        policy.persons_found_for_intake(user, found.shown, purpose=search_purpose)
    chosen_id = data.get("person", "")
    chosen = None
    if chosen_id and not (chosen_id.isascii() and chosen_id.isdigit()):
        raise Http404  # no person has that id, like a missing one
    if chosen_id:
        chosen = policy.person_get_for_intake(user, chosen_id, purpose=chosen_purpose)
    children = list(found.children)
    if chosen is not None and chosen not in children:
        children.insert(0, chosen)
    choice = ChildChoiceForm(
        data if bound else None,
        children=children,
        offer_new=offer_new,
        initial={"q": query, "person": chosen_id},
    )
    return ChildSection(
        choice=choice, found=found, chosen=chosen, children=children, offer_new=offer_new
    )


def typed(request: HttpRequest, section: ChildSection) -> QueryDict:
    """What the worker typed: the POST; after a search that found nobody, with the search
    term carried into the new child's empty fields."""
    if "search" in request.POST and section.found.empty and not section.found.too_broad:
        return with_search_term(request.POST)
    return request.POST


def looks_like_identity_code(term: str) -> bool:
    term = term.strip().upper()
    return len(term) == 11 and term[:6].isdigit() and term[7:10].isdigit()


def with_search_term(data: QueryDict, prefix: str = "child") -> QueryDict:
    """The POST with the search term carried into the new child's empty fields: an identity
    code is not typed twice, a name is split into first names and the last name."""
    term = clean_search(data.get("q"))
    data = data.copy()
    if not term:
        return data

    def fill(name: str, value: str) -> None:
        if not data.get(f"{prefix}-{name}", "").strip():
            data[f"{prefix}-{name}"] = value

    if looks_like_identity_code(term):
        fill("identity_code", hetu.parse(term).value if hetu.is_valid(term) else term.upper())
    elif not (data.get(f"{prefix}-first_names", "").strip() or data.get(f"{prefix}-last_name")):
        names = people_selectors.search_terms(term).names or (term,)
        *first, last = names
        fill("first_names", " ".join(first))
        fill("last_name", last)
    return data
