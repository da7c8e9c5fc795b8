"""Who sees a person's address and contact details: non-disclosure for personal safety
(turvakielto, väestötietolaki 661/2009 36 §).

A person under non-disclosure has their home address, their municipality of residence and
every contact detail (phone, e-mail, further addresses) protected. ``contact_cards`` is the
one way Monia shows any of them — on a staff page, in the portal, in a printout, an export or
a letter, through the API — and it applies the rule for the reader:

- a staff page of the case (``Reader.staff``): the child's designated worker and the
  qualified social workers of the team that owns the case have the need; they see the values
  with the warning, and each protected person shown to them writes an access-log row
  (``Purpose.PROTECTED_CONTACT``) in the read's transaction. Everyone else who sees the case
  — family workers, therapists, the coordinator, the senior official — reads "not shown";
- the portal (``Reader.client``): a client sees their own details only; never another
  guardian's, nor a protected child's;
- a document that goes to someone else — the plan to read and print, its PDF, letters,
  exports (``Reader.document``) — and another system through the API (``Reader.api``): never.

Corrections of a protected value are history of that value: ``corrections_shown`` leaves
them out for a reader who does not see the value.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from django.utils import timezone

from monia.access.log_writes import Read, reads_log
from monia.access.models import Basis
from monia.access.policy import case_basis
from monia.access.purposes import Purpose
from monia.accounts.models import QUALIFIED_SOCIAL_WORK_ROLES
from monia.people.models import ContactDetail, Correction, Person

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.casework.models import Case

# The person's own fields that non-disclosure protects (every ContactDetail is protected too).
PROTECTED_FIELDS = frozenset({"address", "municipality"})

C = TypeVar("C", bound=Correction)


class Audience(enum.StrEnum):
    STAFF = "staff"  # a staff page of one case
    CLIENT = "client"  # the participation portal
    DOCUMENT = "document"  # printouts, PDFs, letters and exports that go to someone else
    API = "api"  # another system


def need_to_know(user: User, case: Case) -> bool:
    """Whether a member of staff needs a protected address of this case's family: the
    designated worker, or a qualified social worker of the team that owns the case (who
    stands in for them). Also who may record or remove the marking."""
    basis = case_basis(user, case)
    if basis == Basis.DESIGNATED_WORKER:
        return True
    return basis == Basis.TEAM_MEMBER and user.role in QUALIFIED_SOCIAL_WORK_ROLES


@dataclass(frozen=True)
class Reader:
    """Where the contact details go. Make one with ``staff``, ``client``, ``document`` or
    ``api``."""

    audience: Audience
    user: User | None = None
    case: Case | None = None
    own: frozenset[int] = frozenset()  # a client's own person rows
    needs: bool = False  # a member of staff with the need to know

    @classmethod
    def staff(cls, user: User, case: Case) -> Reader:
        return cls(Audience.STAFF, user=user, case=case, needs=need_to_know(user, case))

    @classmethod
    def client(cls, person: Person) -> Reader:
        return cls(Audience.CLIENT, own=frozenset({person.pk}))

    @classmethod
    def document(cls) -> Reader:
        return cls(Audience.DOCUMENT)

    @classmethod
    def api(cls) -> Reader:
        return cls(Audience.API)

    def sees(self, person: Person) -> bool:
        """Whether this reader may see the person's protected values."""
        if not person.non_disclosure:
            return True
        if self.audience == Audience.STAFF:
            return self.needs
        if self.audience == Audience.CLIENT:
            return person.pk in self.own
        return False


@dataclass(frozen=True)
class ContactCard:
    """A person's contact details as one reader may see them."""

    person: Person
    protected: bool  # non-disclosure for personal safety is marked
    hidden: bool  # protected, and not shown to this reader: every value below is empty
    address: str = ""
    municipality: str = ""
    details: tuple[ContactDetail, ...] = ()  # in use
    ended: tuple[ContactDetail, ...] = ()  # no longer in use, kept in the record

    @property
    def empty(self) -> bool:
        return not (self.address or self.municipality or self.details)


def _card(
    person: Person, reader: Reader, details: Sequence[ContactDetail], today: datetime.date
) -> ContactCard:
    if not reader.sees(person):
        return ContactCard(person=person, protected=True, hidden=True)
    return ContactCard(
        person=person,
        protected=person.non_disclosure,
        hidden=False,
        address=person.address,
        municipality=person.municipality,
        details=tuple(d for d in details if d.in_use_on(today)),
        ended=tuple(d for d in details if not d.in_use_on(today)),
    )


def contact_cards(
    persons: Iterable[Person],
    reader: Reader,
    *,
    details: bool = True,
    today: datetime.date | None = None,
) -> list[ContactCard]:
    """The persons' contact details as ``reader`` may see them, in the persons' order: one
    query for the contact details (none with ``details=False``), and on a staff page one
    INSERT logging the protected persons shown."""
    persons = list(persons)
    today = today or timezone.localdate()
    found: dict[int, list[ContactDetail]] = {p.pk: [] for p in persons}
    seen = [p.pk for p in persons if reader.sees(p)]
    if details and seen:
        for detail in ContactDetail.objects.filter(person_id__in=seen):
            found[detail.person_id].append(detail)
    cards = [_card(p, reader, found[p.pk], today) for p in persons]
    # One INSERT: if it fails, the page fails, and nothing was shown unlogged.
    _log_protected_shown(reader, [c.person for c in cards if c.protected and not c.hidden])
    return cards


def _log_protected_shown(reader: Reader, persons: list[Person]) -> None:
    """A protected address shown on a staff page is a read of its own in the access log."""
    if reader.audience != Audience.STAFF or not persons:
        return
    assert reader.user is not None and reader.case is not None
    basis = case_basis(reader.user, reader.case)
    assert basis is not None  # ``needs`` holds only with a basis
    reads_log(
        user_id=reader.user.pk,
        county_id=reader.case.county_id,
        purpose=Purpose.PROTECTED_CONTACT,
        reads=[Read(person.pk, reader.case.pk, basis) for person in persons],
    )


def corrections_shown(
    corrections: Iterable[C], person: Person, reader: Reader, *, all_protected: bool = False
) -> list[C]:
    """A person's correction history as ``reader`` may see it: a protected person's old
    addresses and municipalities (every row with ``all_protected``: contact details) are
    left out for a reader who does not see them."""
    rows = list(corrections)
    if reader.sees(person):
        return rows
    if all_protected:
        return []
    return [c for c in rows if c.field not in PROTECTED_FIELDS]
