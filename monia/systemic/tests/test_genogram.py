"""The genogram read from the register and drawn as SVG: who stands where, which lines
join whom, what each line means. The picture is read back with an XML parser."""

from __future__ import annotations

import datetime
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from monia.accounts.models import User
from monia.casework.models import Case
from monia.conftest import World, days_ago, notification
from monia.people.models import Person
from monia.people.services import person_create, relationship_create
from monia.systemic import diagram_services
from monia.systemic.genogram import genogram_data, genogram_table, render_genogram_svg

NS = {"s": "http://www.w3.org/2000/svg"}


@dataclass
class Family:
    case: Case
    aino: Person  # the child
    maija: Person  # mother
    pekka: Person  # father, Maija's ex-husband
    jari: Person  # Maija's new partner, lives with them
    leo: Person  # half-sibling: Maija + Jari
    sara: Person  # adopted by Maija and Pekka
    eino: Person  # maternal grandfather, deceased
    helmi: Person  # maternal grandmother


def person(world: World, first: str, gender: str, born: int, **extra: Any) -> Person:
    return person_create(
        county=world.county_a,
        first_names=first,
        last_name="Esimerkki",
        gender=gender,
        birth_date=datetime.date(born, 3, 1),
        **extra,
    )


def blended_family(world: World, user: User) -> Family:
    """Child; mother and her ex-husband (the father), divorced; the mother's new partner
    living with them; their child; an adopted sibling; the maternal grandparents with the
    grandfather deceased; a conflict between the father and the mother's partner."""
    aino = person(world, "Aino", "female", 2016)
    case = notification(user, aino, world.team_a1, at=days_ago(3)).case
    maija = person(world, "Maija", "female", 1985)
    pekka = person(world, "Pekka", "male", 1983)
    jari = person(world, "Jari", "male", 1980)
    leo = person(world, "Leo", "male", 2021)
    sara = person(world, "Sara", "female", 2014)
    eino = person(world, "Eino", "male", 1950)
    helmi = person(world, "Helmi", "female", 1952)
    Person.objects.filter(pk=eino.pk).update(deceased_on=datetime.date(2019, 6, 1))

    def tie(a: Person, b: Person, kind: str, **extra: Any) -> None:
        relationship_create(from_person=a, to_person=b, kind=kind, **extra)

    tie(maija, aino, "biological_parent", is_guardian=True, lives_with=True)
    tie(pekka, aino, "biological_parent", is_guardian=True)
    tie(maija, pekka, "partner", partnership_status="divorced")
    tie(maija, jari, "partner", partnership_status="together")
    tie(jari, aino, "step_parent", lives_with=True)
    tie(maija, leo, "biological_parent")
    tie(jari, leo, "biological_parent")
    tie(leo, aino, "sibling", lives_with=True)
    tie(maija, sara, "adoptive_parent")
    tie(pekka, sara, "adoptive_parent")
    tie(sara, aino, "sibling", lives_with=True)
    tie(eino, maija, "biological_parent")
    tie(helmi, maija, "biological_parent")
    tie(eino, helmi, "partner", partnership_status="married")
    diagram_services.emotional_tie_add(
        user=user, case=case, person_a_id=pekka.pk, person_b_id=jari.pk, quality="conflictual"
    )
    return Family(case, aino, maija, pekka, jari, leo, sara, eino, helmi)


@pytest.fixture
def family(world: World, worker_a: User) -> Family:
    return blended_family(world, worker_a)


def draw(case: Case) -> ET.Element:
    svg = render_genogram_svg(genogram_data(case), title="Genogram")
    return ET.fromstring(svg)  # noqa: S314 - our own output


def persons_drawn(root: ET.Element) -> dict[int, dict[str, Any]]:
    out = {}
    for g in root.iterfind(".//s:g[@class='person']", NS):
        x, y = map(float, re.findall(r"-?[\d.]+", g.get("transform", "")))
        out[int(g.get("data-person-id", ""))] = {"x": x, "y": y, "g": g}
    return out


def polygons(d: str) -> list[list[tuple[float, float]]]:
    shapes = []
    for sub in re.findall(r"M[^M]*", d):
        numbers = list(map(float, re.findall(r"-?[\d.]+", sub)))
        shapes.append(list(zip(numbers[::2], numbers[1::2], strict=True)))
    return shapes


def inside(point: tuple[float, float], polygon: list[tuple[float, float]]) -> bool:
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def test_the_svg_is_an_accessible_image_with_title_description_and_legend(
    family: Family,
) -> None:
    root = draw(family.case)
    assert root.get("role") == "img"
    assert root.find("s:title", NS) is not None and root.find("s:desc", NS) is not None
    assert "8 persons in 3 generations" in (root.find("s:desc", NS).text or "")  # type: ignore[union-attr]
    keys = {g.get("data-key") for g in root.iterfind(".//s:g[@class='legend-item']", NS)}
    assert {"male", "female", "index", "deceased", "household"} <= keys
    assert {"status.divorced", "status.together", "kind.adoptive", "quality.conflictual"} <= keys
    assert root.find(".//s:script", NS) is None


def test_generations_run_from_grandparents_at_the_top_to_the_child(family: Family) -> None:
    drawn = persons_drawn(draw(family.case))
    f = family
    y = {p.first_names: drawn[p.pk]["y"] for p in (f.eino, f.helmi, f.maija, f.pekka, f.jari)}
    assert y["Eino"] == y["Helmi"] < y["Maija"] == y["Pekka"] == y["Jari"]
    assert y["Maija"] < drawn[f.aino.pk]["y"] == drawn[f.leo.pk]["y"] == drawn[f.sara.pk]["y"]
    assert drawn[f.eino.pk]["g"].get("data-generation") == "-2"
    assert drawn[f.aino.pk]["g"].get("data-generation") == "0"
    assert len(drawn) == 8


def test_partnership_lines_join_the_couples_with_their_status(family: Family) -> None:
    root = draw(family.case)
    f = family
    lines = {
        (frozenset({int(g.get("data-a", "")), int(g.get("data-b", ""))}), g.get("data-status")): g
        for g in root.iterfind(".//s:g[@class='partnership']", NS)
    }
    assert set(lines) == {
        (frozenset({f.maija.pk, f.pekka.pk}), "divorced"),
        (frozenset({f.maija.pk, f.jari.pk}), "together"),
        (frozenset({f.eino.pk, f.helmi.pk}), "married"),
    }
    divorced = lines[(frozenset({f.maija.pk, f.pekka.pk}), "divorced")]
    assert len(divorced.findall("s:path[@class='slash']", NS)) == 2
    together = lines[(frozenset({f.maija.pk, f.jari.pk}), "together")]
    assert together.findall("s:path[@class='slash']", NS) == []


def test_partnership_line_runs_below_the_partners(family: Family) -> None:
    root = draw(family.case)
    drawn = persons_drawn(root)
    g = next(
        g
        for g in root.iterfind(".//s:g[@class='partnership']", NS)
        if g.get("data-status") == "married"
    )
    d = g.find("s:path", NS).get("d", "")  # type: ignore[union-attr]
    ys = [y for shape in polygons(d) for _x, y in shape]
    assert max(ys) > drawn[family.eino.pk]["y"] + 20  # below the symbols' lower edge


def test_children_hang_from_their_parents_union_with_the_kind_of_tie(family: Family) -> None:
    root = draw(family.case)
    f = family
    lines = {
        int(p.get("data-child", "")): (p.get("data-parent-union"), p.get("data-kind"), p)
        for p in root.iterfind(".//s:path[@class='child-line']", NS)
    }

    def union(a: Person, b: Person) -> str:
        return "u-" + "-".join(str(pk) for pk in sorted((a.pk, b.pk)))

    assert lines[f.aino.pk][:2] == (union(f.maija, f.pekka), "biological")
    assert lines[f.sara.pk][:2] == (union(f.maija, f.pekka), "adoptive")
    assert lines[f.leo.pk][:2] == (union(f.maija, f.jari), "biological")
    assert lines[f.maija.pk][:2] == (union(f.eino, f.helmi), "biological")
    assert lines[f.sara.pk][2].get("stroke-dasharray")  # adoption: a dashed line
    assert lines[f.aino.pk][2].get("stroke-dasharray") is None
    # the step-parent is drawn as the mother's partner, not with a second line to the child
    assert sum(1 for p in root.iterfind(".//s:path[@class='child-line']", NS)) == 4


def test_the_household_boundary_holds_exactly_those_living_with_the_child(
    family: Family,
) -> None:
    root = draw(family.case)
    drawn = persons_drawn(root)
    f = family
    boundary = root.find(".//s:path[@class='household']", NS)
    assert boundary is not None
    home = {f.aino.pk, f.maija.pk, f.jari.pk, f.leo.pk, f.sara.pk}
    assert set(map(int, boundary.get("data-members", "").split())) == home
    shapes = polygons(boundary.get("d", ""))
    for pk, at in drawn.items():
        is_inside = any(inside((at["x"], at["y"]), shape) for shape in shapes)
        assert is_inside == (pk in home), pk


def test_the_deceased_grandfather_is_crossed_out_and_the_child_double_outlined(
    family: Family,
) -> None:
    drawn = persons_drawn(draw(family.case))
    crossed = {
        pk
        for pk, at in drawn.items()
        if at["g"].find("s:path[@class='deceased-mark']", NS) is not None
    }
    assert crossed == {family.eino.pk}
    assert drawn[family.eino.pk]["g"].get("data-deceased") == "true"
    outlined = {
        pk for pk, at in drawn.items() if at["g"].find("*[@class='index-outline']", NS) is not None
    }
    assert outlined == {family.aino.pk}


def test_symbols_follow_gender(family: Family) -> None:
    drawn = persons_drawn(draw(family.case))
    assert drawn[family.pekka.pk]["g"].find("s:rect[@class='symbol']", NS) is not None
    assert drawn[family.maija.pk]["g"].find("s:circle[@class='symbol']", NS) is not None


def test_the_conflict_between_father_and_mothers_partner_is_a_zigzag(family: Family) -> None:
    root = draw(family.case)
    lines = root.findall(".//s:path[@class='emotional']", NS)
    assert len(lines) == 1
    line = lines[0]
    assert line.get("data-quality") == "conflictual"
    assert {int(line.get("data-a", "")), int(line.get("data-b", ""))} == {
        family.pekka.pk,
        family.jari.pk,
    }
    assert len(re.findall("L", line.get("d", ""))) > 10  # many turns, not a straight line


def test_the_data_is_plain_json_with_roles_for_the_table(family: Family) -> None:
    data = genogram_data(family.case)
    assert json.loads(json.dumps(data)) == data
    roles = {p["id"]: p["role"] for p in data["persons"]}
    f = family
    assert roles[f.aino.pk] == "index"
    assert roles[f.helmi.pk] == "grandparent"
    assert roles[f.jari.pk] == "step_parent"
    assert roles[f.sara.pk] == "sibling"
    assert roles[f.leo.pk] == "half_sibling"
    table = genogram_table(data)
    assert len(table["persons"]) == 8
    assert any(t["tie"] == gettext("Conflictual") for t in table["ties"])


def test_pregnancy_is_a_triangle_and_unknown_gender_a_diamond(world: World, worker_a: User) -> None:
    mother = person(world, "Emma", "female", 1999)
    unborn = person_create(
        county=world.county_a,
        first_names="",
        last_name="Esimerkki",
        expected_birth_date=datetime.date.today() + datetime.timedelta(days=60),  # noqa: DTZ011
    )
    case = notification(worker_a, unborn, world.team_a1, at=days_ago(1), kind="pre_birth").case
    relationship_create(from_person=mother, to_person=unborn, kind="biological_parent")
    friend = person(world, "Kim", "unknown", 1998)
    relationship_create(from_person=friend, to_person=mother, kind="partner")
    drawn = persons_drawn(draw(case))
    assert drawn[unborn.pk]["g"].get("data-unborn") == "true"
    assert drawn[unborn.pk]["g"].find("s:polygon[@class='symbol']", NS) is not None
    diamond = drawn[friend.pk]["g"].find("s:polygon[@class='symbol']", NS)
    assert diamond is not None and len(diamond.get("points", "").split()) == 8
    # a partnership with no status recorded is still drawn, marked as not recorded
    root = draw(case)
    statuses = [g.get("data-status") for g in root.iterfind(".//s:g[@class='partnership']", NS)]
    assert statuses == ["unknown"]


def test_foster_and_step_parents_and_siblings_without_parents(world: World, worker_a: User) -> None:
    child = person(world, "Ville", "male", 2012)
    case = notification(worker_a, child, world.team_a1, at=days_ago(1)).case
    mother = person(world, "Anna", "female", 1988)
    foster = person(world, "Kaisa", "female", 1970)
    step = person(world, "Mikko", "male", 1985)
    sister = person(world, "Iida", "female", 2010)
    relationship_create(from_person=mother, to_person=child, kind="biological_parent")
    relationship_create(from_person=foster, to_person=child, kind="foster_parent", lives_with=True)
    relationship_create(from_person=step, to_person=child, kind="step_parent")
    relationship_create(from_person=sister, to_person=child, kind="sibling")
    root = draw(case)
    by_kind = {
        (int(p.get("data-child", "")), p.get("data-kind")): p.get("data-parent-union")
        for p in root.iterfind(".//s:path[@class='child-line']", NS)
    }
    assert by_kind[(child.pk, "foster")] == f"u-{foster.pk}"
    assert by_kind[(child.pk, "step")] == f"u-{step.pk}"
    assert by_kind[(sister.pk, "unknown")] == f"u-{mother.pk}"
    assert by_kind[(child.pk, "biological")] == f"u-{mother.pk}"


def test_separation_is_one_slash(world: World, worker_a: User) -> None:
    child = person(world, "Olli", "male", 2015)
    case = notification(worker_a, child, world.team_a1, at=days_ago(1)).case
    mother, father = person(world, "Liisa", "female", 1990), person(world, "Timo", "male", 1989)
    relationship_create(from_person=mother, to_person=child, kind="biological_parent")
    relationship_create(from_person=father, to_person=child, kind="biological_parent")
    relationship_create(
        from_person=father, to_person=mother, kind="partner", partnership_status="separated"
    )
    root = draw(case)
    (line,) = root.findall(".//s:g[@class='partnership']", NS)
    assert line.get("data-status") == "separated"
    assert len(line.findall("s:path[@class='slash']", NS)) == 1


def test_emotional_ties_only_join_members_of_the_family(
    family: Family, world: World, worker_a: User
) -> None:
    stranger = person(world, "Vieras", "male", 1970)
    with pytest.raises(ValidationError) as exc:
        diagram_services.emotional_tie_add(
            user=worker_a,
            case=family.case,
            person_a_id=family.aino.pk,
            person_b_id=stranger.pk,
            quality="close",
        )
    assert "person_b" in exc.value.message_dict
    with pytest.raises(ValidationError):
        diagram_services.emotional_tie_add(
            user=worker_a,
            case=family.case,
            person_a_id=family.aino.pk,
            person_b_id=family.aino.pk,
            quality="close",
        )


@pytest.mark.parametrize(
    ("quality", "subpaths"),
    [("close", 2), ("very_close", 3), ("cut_off", 4), ("distant", 1), ("hostile", 1)],
)
def test_each_emotional_quality_has_its_own_line(
    family: Family, worker_a: User, quality: str, subpaths: int
) -> None:
    diagram_services.emotional_tie_add(
        user=worker_a,
        case=family.case,
        person_a_id=family.aino.pk,
        person_b_id=family.helmi.pk,
        quality=quality,
    )
    root = draw(family.case)
    line = next(
        p
        for p in root.iterfind(".//s:path[@class='emotional']", NS)
        if p.get("data-quality") == quality
    )
    assert line.get("d", "").count("M") == subpaths
    if quality == "distant":
        assert line.get("stroke-dasharray")
    if quality == "hostile":
        assert line.get("stroke") == "#a4001d"


def test_a_child_with_no_family_recorded_is_drawn_alone(world: World, worker_a: User) -> None:
    child = person(world, "Yksin", "male", 2012)
    case = notification(worker_a, child, world.team_a1, at=days_ago(1)).case
    drawn = persons_drawn(draw(case))
    assert list(drawn) == [child.pk]
    assert drawn[child.pk]["g"].get("data-index") == "true"


def test_an_inconsistent_register_still_draws(family: Family) -> None:
    """A partnership recorded between a grandparent and a grandchild is not drawn as a
    couple; everything else stands."""
    relationship_create(
        from_person=family.helmi, to_person=family.leo, kind="partner", partnership_status="married"
    )
    root = draw(family.case)
    pairs = {
        frozenset({int(g.get("data-a", "")), int(g.get("data-b", ""))})
        for g in root.iterfind(".//s:g[@class='partnership']", NS)
    }
    assert frozenset({family.helmi.pk, family.leo.pk}) not in pairs
    assert len(persons_drawn(root)) == 8
