"""The first steps of a demo case history: the family and the notification that brings
it to child welfare, with who notified (``CaseSteps`` builds on these).

A notification that speaks of someone the family does not have — a stepfather, a father,
the mother's mother — is not told of it: another that fits the family is (``kin``), drawn
from a stream of its own so that every other history the seed draws stays as it was.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from typing import TYPE_CHECKING, Any

from monia.accounts.models import User
from monia.casework import services
from monia.casework.models import Intake
from monia.demo import kin, texts
from monia.demo.families import DAY, Family, Register, age_on, years_before
from monia.demo.names import NameBook
from monia.people.models import Gender, Person

if TYPE_CHECKING:
    from monia.demo.steps import Chooser, TeamStaff


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "").replace("-", "")


class IntakeSteps:
    """Families and their notifications; the state is ``CaseSteps``'s."""

    rng: random.Random
    kin_rng: random.Random
    today: datetime.date
    register: Register
    county_code: str
    notifier_books: tuple[NameBook, ...]
    _choose: Chooser
    _staff_names: set[tuple[str, str]] | None
    _facts: dict[int, frozenset[str]]

    if TYPE_CHECKING:

        def _at(
            self, day: datetime.date, *, night: bool = False, rng: random.Random | None = None
        ) -> datetime.datetime: ...

    def _concern(
        self,
        *,
        danger: bool = False,
        urgent: bool | None = None,
        min_age: int = 0,
        exclude: texts.Concern | None = None,
    ) -> texts.Concern:
        return self.rng.choice(
            texts.concerns_matching(danger=danger, urgent=urgent, min_age=min_age, exclude=exclude)
        )

    def _fitting(self, concern: texts.Concern, child: Person, on: datetime.date) -> texts.Concern:
        """The family's concern, or another one that fits this child's age (``_receive``
        then fits it to the child's family)."""
        assert child.birth_date is not None
        age = age_on(child.birth_date, on)
        if concern.ages[0] <= age <= concern.ages[1]:
            return concern
        pool = texts.concerns_matching(age=age, urgent=concern.urgent)
        return self.rng.choice(pool) if pool else concern

    def _family_facts(self, child: Person) -> frozenset[str]:
        """What the texts may say of ``child``'s family (``kin``), read once per child."""
        if child.pk not in self._facts:
            self._facts[child.pk] = kin.family_facts(child)
        return self._facts[child.pk]

    def _household(
        self,
        concern: texts.Concern,
        on: datetime.date,
        siblings: int,
        *,
        lives_home: bool = True,
        min_age: int = 0,
    ) -> tuple[Family, TeamStaff, User]:
        """A family whose oldest child fits ``concern`` on ``on``, and its team and worker."""
        ages = [self.rng.randint(max(concern.ages[0], min_age), concern.ages[1])]
        while len(ages) < siblings and ages[-1] >= 2:
            ages.append(max(0, ages[-1] - self.rng.randint(1, 5)))
        # Born before the receipt, and still a child (under 18) on the demo's today.
        youngest_adult = years_before(self.today, 18)
        births = [
            min(max(self.register.birth_for_age(on, age), youngest_adult + DAY * 30), on - DAY)
            for age in ages
        ]
        family = self.register.family(births=births, lives_home=lives_home)
        team, worker = self._choose(family)
        return family, team, worker

    def _notifier(
        self,
        concern: texts.Concern,
        family: Family,
        child: Person,
        recorder: User,
        rng: random.Random,
    ) -> dict[str, Any]:
        """Who notified, as the recorder writes it down (her team's language)."""
        if concern.notifier_type == "anonymous":
            return {}
        role = texts.written_by(recorder, concern.notifier_role, child=child)
        if concern.notifier_type == "private":
            fathers = [a for a in family.adults if a.gender == Gender.MALE]
            if concern.notifier_role == "lapsen isä" and fathers:
                name = fathers[0].full_name
            else:
                name = f"{rng.choice(family.book.old_women)} {family.surname}"
                named = "mothers_mother" in concern.family  # "isoäiti": the register's own
                grandmother = kin.mothers_mother(child) if named else None
                name = grandmother.full_name if grandmother is not None else name
            return {"notifier_name": f"{name} ({role})"}
        book = rng.choice(self.notifier_books)
        first = rng.choice(book.women + book.men)
        last = self._not_staff(first, rng.choice(book.surnames), book.surnames)
        organisations = texts.ORGANISATIONS[self.county_code][concern.sector]
        hinted = [o for o in organisations if concern.organisation_hint in o.lower()]
        organisation = rng.choice(hinted or organisations)
        domain = f"{concern.sector.replace('_', '-')}.{self.county_code}.example"
        return {
            "notifier_name": f"{first} {last}, {role}",
            "notifier_sector": concern.sector,
            "notifier_organisation": texts.written_by(recorder, organisation, child=child).format(
                kunta=child.municipality
            ),
            "notifier_email": f"{_ascii(first)}.{_ascii(last)}@{domain}",
        }

    def _not_staff(self, first: str, last: str, surnames: tuple[str, ...]) -> str:
        """A professional notifier's surname that does not make her one of the county's
        own staff (a notifier named as the team's worker reads as if the worker had made
        the notification). The next surname of the book instead, so the stream of random
        draws and every other history stay as they were."""
        if self._staff_names is None:
            self._staff_names = {
                (f, s) for f, s in User.objects.values_list("first_name", "last_name")
            }
        at = surnames.index(last)
        while (first, last) in self._staff_names:
            at = (at + 1) % len(surnames)
            last = surnames[at]
        return last

    def _receive(
        self,
        family: Family,
        child: Person,
        staff: TeamStaff,
        day: datetime.date,
        concern: texts.Concern,
    ) -> Intake:
        """The notification of ``concern`` — or, if it speaks of someone the child's family
        does not have (a stepfather, a father: ``kin``), of one that fits the family. The
        histories' stream draws the time and the notifier of ``concern`` as it always
        did; those of the one told instead come from a stream of their own (``kin_rng``),
        so every other history stays as it was."""
        recorder = self.rng.choice((*staff.workers, staff.consultant, staff.family_worker))
        received_at = self._at(day, night=_at_night(concern))
        notifier = self._notifier(concern, family, child, recorder, self.rng)
        age = age_on(child.birth_date, day) if child.birth_date else 0  # 0: not born yet
        told = texts.for_family(concern, age=age, facts=self._family_facts(child), rng=self.kin_rng)
        if told is not concern:
            if _at_night(told) != _at_night(concern):
                received_at = self._at(day, night=_at_night(told), rng=self.kin_rng)
            notifier = self._notifier(told, family, child, recorder, self.kin_rng)
        return services.intake_record(
            user=recorder,
            child=child,
            team=staff.team,
            kind=told.kind,
            channel=told.channel,
            received_at=received_at,
            notifier_type=told.notifier_type,
            content=texts.written_by(recorder, told.content, child=child).format(
                lapsi=child.first_names, kunta=child.municipality
            ),
            family_informed=told.family_informed,
            family_participated=told.family_participated,
            police_report_suspected=told.police_report,
            **notifier,
        )


def _at_night(concern: texts.Concern) -> bool:
    """The police and the emergency services notify at any hour."""
    return concern.urgent and concern.sector in ("police", "emergency_services")
