"""What the demo's texts may say of a family (demo/kin.py): a text that speaks of a
stepfather, a father or the mother's mother is given only to a child whose family, as the
register has it, has one; a text that puts the child at her mother's, only to a child who
does not live with her father alone."""

from __future__ import annotations

import datetime
import random
import re

import pytest
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import World
from monia.demo import consents, kin, texts
from monia.people.models import Gender, Person, RelationshipKind
from monia.people.services import person_create, relationship_create

STEPFATHER = re.compile(r"isäpuol|styvpapp", re.IGNORECASE)
FATHER = re.compile(r"\b(isä|isi|pappa)", re.IGNORECASE)
# What a notification says of a mother: the child at home with her ("äiti nukkuu päivisin",
# "luovutettiin äidille", "äidin luona").
MOTHER_AT_HOME = re.compile(r"äiti|äidi", re.IGNORECASE)
PARENT = RelationshipKind.BIOLOGICAL_PARENT
YEAR = datetime.timedelta(days=365)


def _person(world: World, first: str, gender: str, born: datetime.date) -> Person:
    return person_create(
        county=world.county_a,
        first_names=first,
        last_name="Demo",
        birth_date=born,
        gender=gender,
        require_birth=False,
    )


def _teenager(world: World) -> Person:
    return _person(world, "Iida", Gender.FEMALE, timezone.localdate() - 15 * YEAR)


def _tie(a: Person, b: Person, kind: str, status: str = "", *, lives_with: bool = False) -> None:
    relationship_create(
        from_person=a, to_person=b, kind=kind, partnership_status=status, lives_with=lives_with
    )


def _parents_apart(world: World, child: Person, *, home: str) -> None:
    """The child's mother and father, divorced; the child lives with the one ``home``."""
    mother = _person(world, "Anna", Gender.FEMALE, datetime.date(1985, 5, 5))
    father = _person(world, "Pekka", Gender.MALE, datetime.date(1983, 3, 3))
    _tie(mother, child, PARENT, lives_with=home == "mother")
    _tie(father, child, PARENT, lives_with=home == "father")
    _tie(mother, father, RelationshipKind.PARTNER, "divorced")


def test_a_child_of_a_single_mother_has_no_father_to_speak_of(world: World) -> None:
    child = _teenager(world)
    _tie(_person(world, "Anna", Gender.FEMALE, datetime.date(1985, 5, 5)), child, PARENT)
    assert kin.family_facts(child) == {"lives_with_mother"}


def test_a_stepfather_is_the_mothers_new_partner_after_a_separation(world: World) -> None:
    child = _teenager(world)
    mother = _person(world, "Anna", Gender.FEMALE, datetime.date(1985, 5, 5))
    father = _person(world, "Pekka", Gender.MALE, datetime.date(1983, 3, 3))
    partner = _person(world, "Jari", Gender.MALE, datetime.date(1980, 1, 1))
    sister = _person(world, "Ella", Gender.FEMALE, timezone.localdate() - 9 * YEAR)
    grandmother = _person(world, "Raili", Gender.FEMALE, datetime.date(1960, 6, 6))
    for parent in (mother, father):
        _tie(parent, child, PARENT)
    _tie(mother, father, RelationshipKind.PARTNER, "divorced")
    _tie(mother, partner, RelationshipKind.PARTNER, "together")
    _tie(partner, child, RelationshipKind.STEP_PARENT)
    _tie(sister, child, RelationshipKind.SIBLING)
    _tie(grandmother, mother, PARENT)
    _tie(grandmother, child, RelationshipKind.GRANDPARENT)
    assert kin.family_facts(child) == {
        "father",
        "parents_apart",
        "stepfather",
        "younger_sibling",
        "younger_sister",
        "mothers_mother",
        "lives_with_mother",
    }
    assert kin.mothers_mother(child) == grandmother
    assert kin.family_key(child) == min(child.pk, sister.pk)


def test_a_family_without_a_father_is_told_of_no_father_or_stepfather(world: World) -> None:
    child = _teenager(world)
    _tie(_person(world, "Anna", Gender.FEMALE, datetime.date(1985, 5, 5)), child, PARENT)
    facts = kin.family_facts(child)
    for age in range(18):
        for concern in texts.concerns_matching(age=age, facts=facts):
            assert not FATHER.search(concern.content), concern.content
    worker = User(language="fi", first_name="Sanna", last_name="Demo")
    views = {consents._view(random.Random(n), "teen", child, worker) for n in range(40)}
    assert len(views) == 2 and not any(FATHER.search(v) for v in views), views


def test_the_view_of_a_child_with_a_stepfather_may_speak_of_him(world: World) -> None:
    child = _teenager(world)
    mother = _person(world, "Anna", Gender.FEMALE, datetime.date(1985, 5, 5))
    partner = _person(world, "Jari", Gender.MALE, datetime.date(1980, 1, 1))
    _tie(mother, child, PARENT)
    _tie(partner, child, RelationshipKind.STEP_PARENT)
    worker = User(language="sv", first_name="Johan", last_name="Demo")
    views = {consents._view(random.Random(n), "teen", child, worker) for n in range(40)}
    assert any(STEPFATHER.search(v) for v in views)  # "styvpappa": in Swedish too
    assert all("{" not in v for v in views)


def test_a_text_naming_an_unknown_fact_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown family facts"):
        kin.fits(("stepfater",), frozenset())


@pytest.mark.parametrize(("home", "at_mothers"), [("mother", True), ("father", False), ("", True)])
def test_a_child_is_at_her_mothers_unless_the_register_has_her_living_with_her_father(
    world: World, home: str, at_mothers: bool
) -> None:
    """Placed away from home (no parent at home), the home she left is not recorded."""
    child = _teenager(world)
    _parents_apart(world, child, home=home)
    assert ("lives_with_mother" in kin.family_facts(child)) is at_mothers


def test_a_child_living_with_her_father_is_not_told_of_life_at_her_mothers(
    world: World,
) -> None:
    child = _person(world, "Iida", Gender.FEMALE, timezone.localdate() - 10 * YEAR)
    _parents_apart(world, child, home="father")
    facts = kin.family_facts(child)
    for age in range(18):
        for concern in texts.concerns_matching(age=age, facts=facts):
            assert not MOTHER_AT_HOME.search(concern.content), concern.content
    worker = User(language="fi", first_name="Sanna", last_name="Demo")
    views = {consents._view(random.Random(n), "school", child, worker) for n in range(40)}
    assert len(views) == 1 and not any(MOTHER_AT_HOME.search(v) for v in views), views
    drawn = "Nuori haluaisi asua isänsä luona; äiti vastustaa."
    views_of_plan = texts.plan_item_for_family("differing_views", drawn, facts)
    assert views_of_plan == texts.PLAN["differing_views"][0]
    assert texts.plan_item_for_family("differing_views", drawn, frozenset()) is None


# The fewest facts of each household the demo makes (demo/families.py): more facts (a
# stepparent, a sister, a grandmother) only let more texts fit.
HOUSEHOLDS = {
    "single mother": frozenset({"lives_with_mother"}),
    "parents together": frozenset({"father", "parents_together", "lives_with_mother"}),
    "apart, at the mother's": frozenset({"father", "parents_apart", "lives_with_mother"}),
    "apart, at the father's": frozenset({"father", "parents_apart"}),
}


@pytest.mark.parametrize("household", HOUSEHOLDS)
def test_a_child_of_every_household_and_age_has_a_notification_of_either_urgency(
    household: str,
) -> None:
    """``texts.for_family`` finds a replacement for any notification the demo draws."""
    facts = HOUSEHOLDS[household]
    for age in range(18):
        for urgent in (True, False):
            assert texts.concerns_matching(age=age, urgent=urgent, facts=facts), (age, urgent)
