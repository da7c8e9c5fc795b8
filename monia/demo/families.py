"""Fictional families for the demo: children, parents, step-parents and grandparents.

Persons are made through ``person_create`` and ties through ``relationship_create``,
so identity codes are checked like any other. Every identity code is synthetic
(individual number 900–999, ``hetu.make_synthetic``) and unique in its county.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from monia.demo.names import (
    FINNISH_CENTRAL,
    FINNISH_OSTROBOTHNIA,
    MUNICIPALITIES,
    OTHER_LANGUAGE_FAMILIES,
    SWEDISH_OSTROBOTHNIA,
    CountySpec,
    NameBook,
)
from monia.people import hetu
from monia.people.models import Gender, Language, Person, RelationshipKind
from monia.people.services import person_create, relationship_create
from monia.teams.models import County

DAY = datetime.timedelta(days=1)


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Age in full years on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass
class Family:
    """One household as the register records it."""

    language: str
    book: NameBook
    municipality: str
    surname: str
    children: list[Person] = field(default_factory=list)
    adults: list[Person] = field(default_factory=list)


@dataclass
class _Parent:
    person: Person
    lives_with_children: bool
    guardian: bool


class Register:
    """Makes persons and their relationships in one county's client register."""

    def __init__(
        self, *, county: County, spec: CountySpec, rng: random.Random, today: datetime.date
    ) -> None:
        self.county = county
        self.spec = spec
        self.rng = rng
        self.today = today
        self._used_codes: set[tuple[datetime.date, int]] = set()
        self.persons = 0

    # --- persons ---------------------------------------------------------------------------

    def _identity_code(self, birth: datetime.date, gender: str) -> str:
        """A synthetic code; an individual number taken on that birth date is not reused."""
        parity = 1 if gender == Gender.MALE else 0
        for attempt in range(200):
            number = (
                900 + 2 * self.rng.randrange(50) + parity
                if attempt < 100
                else self.rng.randint(900, 999)
            )
            if (birth, number) not in self._used_codes:
                self._used_codes.add((birth, number))
                return hetu.make_synthetic(birth, number)
        raise RuntimeError(f"no free synthetic identity code for {birth}")  # pragma: no cover

    def _person(
        self,
        family: Family,
        *,
        first_names: str,
        gender: str,
        birth: datetime.date | None,
        with_code: bool = True,
        expected_birth: datetime.date | None = None,
        municipality: str | None = None,
        interpreter: bool = False,
    ) -> Person:
        other = (
            family.language if family.language not in (Language.FINNISH, Language.SWEDISH) else ""
        )
        code = self._identity_code(birth, gender) if birth is not None and with_code else ""
        self.persons += 1
        return person_create(
            county=self.county,
            first_names=first_names,
            last_name=family.surname,
            identity_code=code,
            birth_date=birth,
            expected_birth_date=expected_birth,
            gender=gender,
            language=Language.OTHER if other else family.language,
            other_language=other,
            interpreter_needed=interpreter,
            municipality=municipality or family.municipality,
            today=self.today,
        )

    def birth_for_age(self, on: datetime.date, age: int) -> datetime.date:
        """A birth date on which the person is ``age`` years old on ``on``."""
        latest = years_before(on, age)
        earliest = years_before(on, age + 1) + DAY
        return earliest + DAY * self.rng.randint(0, (latest - earliest).days)

    # --- families --------------------------------------------------------------------------

    def _new_family(self) -> Family:
        rng = self.rng
        roll = rng.random()
        if roll < self.spec.other_language_share:
            language, book = rng.choice(OTHER_LANGUAGE_FAMILIES)
        elif roll < self.spec.other_language_share + self.spec.swedish_share:
            language, book = Language.SWEDISH, SWEDISH_OSTROBOTHNIA
        else:
            language = Language.FINNISH
            book = FINNISH_CENTRAL if self.spec.code == "keski-suomi" else FINNISH_OSTROBOTHNIA
        places = MUNICIPALITIES[self.spec.code]
        weights = [m.weight_sv if language == Language.SWEDISH else m.weight_fi for m in places]
        place = rng.choices(places, weights=weights)[0]
        return Family(
            language=language,
            book=book,
            municipality=place.name(language),
            surname=rng.choice(book.surnames),
        )

    def _other_municipality(self, family: Family) -> str:
        if self.rng.random() < 0.5:
            return family.municipality
        place = self.rng.choice(MUNICIPALITIES[self.spec.code])
        return place.name(family.language)

    def family(self, *, births: list[datetime.date], lives_home: bool = True) -> Family:
        """A household of children born on ``births``, their parents and often more.

        ``lives_home`` False: the children live elsewhere now (placed, or on their own).
        """
        family = self._new_family()
        used_names: set[str] = set()
        for birth in births:
            gender = self.rng.choice((Gender.FEMALE, Gender.MALE))
            pool = family.book.girls if gender == Gender.FEMALE else family.book.boys
            name = self.rng.choice([n for n in pool if n not in used_names] or pool)
            used_names.add(name)
            family.children.append(
                self._person(family, first_names=name, gender=gender, birth=birth)
            )
        parents = self._parents(family, oldest_birth=min(births))
        self._tie_parents(family, parents, lives_home=lives_home)
        self._tie_siblings(family, lives_home=lives_home)
        if self.rng.random() < 0.15:
            self._grandparent(family, parents[0].person)
        return family

    def unborn_family(self, *, expected: datetime.date) -> Family:
        """An expecting mother (and often her partner) and the unborn child."""
        family = self._new_family()
        mother_birth = self.birth_for_age(expected, self.rng.randint(18, 36))
        mother = self._adult(family, Gender.FEMALE, mother_birth)
        family.adults.append(mother)
        unborn = self._person(
            family, first_names="", gender=Gender.UNKNOWN, birth=None, expected_birth=expected
        )
        family.children.append(unborn)
        relationship_create(
            from_person=mother, to_person=unborn, kind=RelationshipKind.BIOLOGICAL_PARENT
        )
        if self.rng.random() < 0.6:
            partner = self._adult(
                family, Gender.MALE, self.birth_for_age(expected, self.rng.randint(19, 40))
            )
            family.adults.append(partner)
            relationship_create(
                from_person=partner, to_person=unborn, kind=RelationshipKind.BIOLOGICAL_PARENT
            )
            relationship_create(
                from_person=mother,
                to_person=partner,
                kind=RelationshipKind.PARTNER,
                partnership_status="together",
            )
        return family

    def _adult(
        self,
        family: Family,
        gender: str,
        birth: datetime.date,
        *,
        old: bool = False,
        municipality: str | None = None,
    ) -> Person:
        book = family.book
        if old:
            pool = book.old_women if gender == Gender.FEMALE else book.old_men
        else:
            pool = book.women if gender == Gender.FEMALE else book.men
        foreign = family.language not in (Language.FINNISH, Language.SWEDISH)
        return self._person(
            family,
            first_names=self.rng.choice(pool),
            gender=gender,
            birth=birth,
            with_code=not (foreign and self.rng.random() < 0.15),
            municipality=municipality,
            interpreter=foreign and self.rng.random() < 0.6,
        )

    def _parents(self, family: Family, *, oldest_birth: datetime.date) -> list[_Parent]:
        """The parents, the one the children live with first."""
        rng = self.rng
        mother = self._adult(
            family,
            Gender.FEMALE,
            years_before(oldest_birth, rng.randint(19, 37)) - DAY * rng.randint(0, 364),
        )
        roll = rng.random()
        if roll < 0.08:  # a single mother, father not known
            return [_Parent(mother, True, True)]
        father_home = self._other_municipality(family) if roll < 0.4 else None
        father = self._adult(
            family,
            Gender.MALE,
            years_before(oldest_birth, rng.randint(20, 42)) - DAY * rng.randint(0, 364),
            municipality=father_home,
        )
        if roll >= 0.4:  # together
            status = rng.choice(("married", "married", "together"))
            relationship_create(
                from_person=mother,
                to_person=father,
                kind=RelationshipKind.PARTNER,
                partnership_status=status,
            )
            return [_Parent(mother, True, True), _Parent(father, True, True)]
        relationship_create(
            from_person=mother,
            to_person=father,
            kind=RelationshipKind.PARTNER,
            partnership_status=rng.choice(("separated", "divorced")),
        )
        joint = rng.random() < 0.85
        if rng.random() < 0.25:  # the children live with their father
            return [_Parent(father, True, True), _Parent(mother, False, joint)]
        return [_Parent(mother, True, True), _Parent(father, False, joint)]

    def _tie_parents(self, family: Family, parents: list[_Parent], *, lives_home: bool) -> None:
        family.adults.extend(p.person for p in parents)
        for parent in parents:
            for child in family.children:
                relationship_create(
                    from_person=parent.person,
                    to_person=child,
                    kind=RelationshipKind.BIOLOGICAL_PARENT,
                    is_guardian=parent.guardian,
                    lives_with=lives_home and parent.lives_with_children,
                    started_on=child.birth_date,
                )
        separated = len(parents) == 2 and not parents[1].lives_with_children
        if separated and self.rng.random() < 0.4:  # the resident parent has a new partner
            resident = parents[0].person
            gender = Gender.MALE if resident.gender == Gender.FEMALE else Gender.FEMALE
            assert resident.birth_date is not None
            birth = resident.birth_date + DAY * self.rng.randint(-2000, 2000)
            partner = self._adult(family, gender, min(birth, years_before(self.today, 20)))
            family.adults.append(partner)
            relationship_create(
                from_person=resident,
                to_person=partner,
                kind=RelationshipKind.PARTNER,
                partnership_status="together",
            )
            for child in family.children:
                relationship_create(
                    from_person=partner,
                    to_person=child,
                    kind=RelationshipKind.STEP_PARENT,
                    lives_with=lives_home,
                )

    def _tie_siblings(self, family: Family, *, lives_home: bool) -> None:
        """Sibling ties both ways, so either child's network shows the other."""
        for child in family.children:
            for other in family.children:
                if other.pk != child.pk:
                    relationship_create(
                        from_person=child,
                        to_person=other,
                        kind=RelationshipKind.SIBLING,
                        lives_with=lives_home,
                    )

    def _grandparent(self, family: Family, parent: Person) -> None:
        assert parent.birth_date is not None
        gender = self.rng.choice((Gender.FEMALE, Gender.MALE))
        birth = years_before(parent.birth_date, self.rng.randint(20, 34)) - DAY * self.rng.randint(
            0, 364
        )
        grandparent = self._adult(
            family, gender, birth, old=True, municipality=self._other_municipality(family)
        )
        family.adults.append(grandparent)
        relationship_create(
            from_person=grandparent,
            to_person=parent,
            kind=RelationshipKind.BIOLOGICAL_PARENT,
            started_on=parent.birth_date,
        )
        for child in family.children:
            relationship_create(
                from_person=grandparent, to_person=child, kind=RelationshipKind.GRANDPARENT
            )
