"""Contact details for the demo's families, and non-disclosure for personal safety.

Every child with a case and everyone tied to the child gets a home address (the household's
where they live with the child, their own elsewhere) and adults a mobile number, many an
e-mail; young people from 13 often their own phone. The showcase worker's first family with
a guardian who lives elsewhere has non-disclosure (turvakielto) for the child and the
parent the child lives with — the case page's warning and the hidden address in the other
guardian's portal have something to show — and a few other households have it too.

The details are drawn from their own random stream (``{seed}:{county}:contacts``), after the
families: the same seed gives the same families as before, and the same details. Numbers
are in the 000 block and e-mails at ``.invalid``: none can reach anyone.
"""

from __future__ import annotations

import datetime
import random
import re

from monia.accounts.models import User
from monia.casework import contact_services
from monia.casework.models import Case
from monia.demo.datafiles import load
from monia.people.models import ContactKind, Language, Person, Relationship
from monia.teams.models import County

_DATA = load("contacts.json")
PARENT_KINDS = ("biological_parent", "adoptive_parent", "foster_parent", "step_parent")
OTHERS_PROTECTED = 0.03  # of the other households


def contacts_build(
    *, county: County, showcase_worker: User, seed: int, today: datetime.date
) -> int:
    """Record the details; the number of persons under non-disclosure."""
    rng = random.Random(f"{seed}:{county.code}:contacts")
    cases = list(
        Case.objects.filter(county=county)
        .select_related("child", "designated_worker")
        .order_by("pk")
    )
    done: set[int] = set()
    protected = 0
    showcase_done = False
    for case in cases:
        if case.child_id in done:
            continue
        ties = list(Relationship.objects.filter(to_person=case.child).select_related("from_person"))
        home = _address(rng, case.child)
        household = [case.child] + [
            t.from_person for t in ties if t.lives_with and t.kind in PARENT_KINDS
        ]
        worker = case.designated_worker or showcase_worker
        for person in household:
            _record(rng, person, worker, case, home, today)
            done.add(person.pk)
        for tie in ties:
            if tie.from_person_id not in done:
                _record(rng, tie.from_person, worker, case, _address(rng, tie.from_person), today)
                done.add(tie.from_person_id)
        elsewhere = any(t.is_guardian and not t.lives_with for t in ties)
        showcase = not showcase_done and case.designated_worker_id == showcase_worker.pk
        if (showcase and elsewhere) or rng.random() < OTHERS_PROTECTED:
            showcase_done = showcase_done or showcase
            protected += _protect(household[:2], worker, case, rng, today)
    return protected


def _address(rng: random.Random, person: Person) -> str:
    streets = _DATA["streets_sv"] if person.language == Language.SWEDISH else _DATA["streets_fi"]
    flat = f" {rng.choice('ABC')} {rng.randint(1, 24)}" if rng.random() < 0.5 else ""
    return f"{rng.choice(streets)} {rng.randint(1, 60)}{flat}"


def _phone(rng: random.Random) -> str:
    return f"{rng.choice(_DATA['mobile_prefixes'])} 000 {rng.randint(1000, 9999)}"


def _record(
    rng: random.Random,
    person: Person,
    worker: User,
    case: Case,
    address: str,
    today: datetime.date,
) -> None:
    if person.unidentified or person.birth_date is None:
        return  # an unborn child or one not identified: the notifier's words only
    if not person.address:
        Person.objects.filter(pk=person.pk).update(address=address)  # as the register has it
    age = today.year - person.birth_date.year
    if age >= 18:
        _add(person, worker, case, ContactKind.PHONE, _phone(rng))
        if rng.random() < 0.6:
            name = f"{person.first_names.split()[0]}.{person.last_name}{rng.randint(1, 99)}"
            _add(person, worker, case, ContactKind.EMAIL, f"{_local(name)}@{_DATA['email_domain']}")
    elif age >= 13 and rng.random() < 0.6:
        _add(person, worker, case, ContactKind.PHONE, _phone(rng))


def _local(name: str) -> str:
    """A name as the local part of an e-mail address: a–z, digits and dots."""
    plain = name.lower().translate(str.maketrans("äöåéü", "aoaeu"))
    return re.sub(r"[^a-z0-9.]", "", plain)


def _add(person: Person, worker: User, case: Case, kind: str, value: str) -> None:
    contact_services.case_contact_detail_add(
        user=worker, case=case, person=person, kind=kind, value=value
    )


def _protect(
    persons: list[Person], worker: User, case: Case, rng: random.Random, today: datetime.date
) -> int:
    since = today - datetime.timedelta(days=rng.randint(30, 900))
    for person in persons:
        contact_services.case_non_disclosure_set(
            user=worker,
            case=case,
            person=person,
            marked=True,
            since=since,
            reason=_DATA["non_disclosure_reason"],
        )
    return len(persons)
