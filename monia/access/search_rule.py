"""Who may find a client from the header's search, what the search may tell, and its log
(issue 12; docs/security.md, "Who may search").

- Staff who work with client data (``policy.CASEWORK_ROLES``) search the cases they may
  open (``policy.cases_visible_to``): their own and their team's, a senior official the
  county's. Administrators, partners and portal clients have no search (404).
- Being a child welfare client is itself secret (LsL 24 §). Of a child whose cases the user
  may not open the search tells only that a matter exists and which team to contact, and
  only for a term that names one person: an identity code, or a full name with the date of
  birth, typed exactly (``SearchTerms.identifies``).
- Every row shown is written to the access log in the transaction of the search: a case
  the user may open on its basis (``policy.case_basis``), a matter elsewhere on the basis
  ``CLIENT_SEARCH``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from monia.access import policy
from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.purposes import Purpose

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.casework.models import Case
    from monia.people.selectors import SearchTerms


def may_search_clients(user: User) -> bool:
    """Whether the header offers the search and the search page answers. Reads only the
    user's own fields: no query."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.county_id
        and user.role in policy.CASEWORK_ROLES
    )


def may_tell_matters(user: User, terms: SearchTerms) -> bool:
    """Whether the search may tell of the matters elsewhere in the user's county that the
    term identifies (an identity code, or a full name with the date of birth)."""
    return may_search_clients(user) and terms.identifies


def log_search_results(
    user: User, *, cases: Iterable[Case], matters: Iterable[Case], channel: str = "web"
) -> None:
    """One access-log event for the rows shown: the cases found on the user's basis, the
    matters elsewhere on the basis of the identifying search."""
    if not may_search_clients(user):
        raise policy.NotFound
    reads = []
    for case in cases:
        basis = policy.case_basis(user, case)
        if basis is None or case.county_id != user.county_id:  # only cases the user may open
            raise policy.NotFound
        reads.append(Read(case.child_id, case.pk, basis))
    for case in matters:
        if case.county_id != user.county_id:
            raise policy.NotFound
        reads.append(Read(case.child_id, case.pk, Basis.CLIENT_SEARCH))
    reads_log(
        user_id=user.pk,
        county_id=user.county_id,
        purpose=Purpose.CLIENT_SEARCH,
        reads=reads,
        channel=channel,
    )
