"""The family's genogram (sukupuu): gathered from the register's relationships, kept as
plain JSON-serialisable data (so a version can be stored and drawn again later), and
drawn as SVG with the usual genogram symbols (McGoldrick & Gerson).

``genogram_data(case)`` reads; ``render_genogram_svg(data, ...)`` is pure. The layout is
in ``genogram_layout``, the drawing of each element in ``genogram_draw``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monia.casework.models import Case
from monia.people.models import PartnershipStatus, Person, Relationship, RelationshipKind
from monia.systemic import genogram_draw, genogram_layout, genogram_legend
from monia.systemic.diagram_svg import english
from monia.systemic.models import EmotionalTie, TieQuality

DATA_VERSION = 1
PARENT_KINDS: dict[str, str] = {
    RelationshipKind.BIOLOGICAL_PARENT: "biological",
    RelationshipKind.ADOPTIVE_PARENT: "adoptive",
    RelationshipKind.FOSTER_PARENT: "foster",
    RelationshipKind.STEP_PARENT: "step",
}
# "from_person is <kind> of to_person": how many generations from_person stands above.
GENERATIONS_ABOVE: dict[str, int] = {
    **dict.fromkeys(PARENT_KINDS, 1),
    RelationshipKind.GRANDPARENT: 2,
    RelationshipKind.PARTNER: 0,
    RelationshipKind.SIBLING: 0,
}
# Child → parents and partners → grandparents, half-siblings → their other parents:
# three steps out from the child reach three generations, in three queries at most.
GATHER_ROUNDS = 3


def genogram_data(case: Case, *, today: datetime.date | None = None) -> dict[str, Any]:
    """The child's family as the register records it, ready to store or to draw."""
    today = today or timezone.localdate()
    child = case.child
    persons, ties, others = _gather(child)
    generation = _generations(child.pk, ties)
    persons = {pid: p for pid, p in persons.items() if pid in generation}
    direct = [t for t in ties if child.pk in (t.from_person_id, t.to_person_id)]
    home = {
        t.from_person_id if t.to_person_id == child.pk else t.to_person_id
        for t in direct
        if t.lives_with and (t.ended_on is None or t.ended_on > today)
    }
    if home:
        home.add(child.pk)
    guardians = {t.from_person_id for t in direct if t.is_guardian and t.to_person_id == child.pk}
    parent_links = _parent_links(ties)
    roles = _roles(child.pk, ties, parent_links)
    return {
        "version": DATA_VERSION,
        "index": child.pk,
        "persons": [
            _person(
                p, generation[p.pk], roles.get(p.pk, "relative"), p.pk in home, p.pk in guardians
            )
            for p in sorted(persons.values(), key=lambda p: (generation[p.pk], _born(p), p.pk))
        ],
        "parent_links": parent_links,
        "partnerships": _partnerships(ties),
        "emotional": _emotional(case, set(persons)),
        "others": [
            {"id": t.from_person_id, "name": t.from_person.recorded_name, "kind": t.kind}
            for t in others
        ],
    }


def _born(p: Person) -> datetime.date:
    return p.birth_date or p.expected_birth_date or datetime.date.max


def _gather(child: Person) -> tuple[dict[int, Person], list[Relationship], list[Relationship]]:
    persons: dict[int, Person] = {child.pk: child}
    ties: dict[int, Relationship] = {}
    others: list[Relationship] = []
    frontier = {child.pk}
    for _round in range(GATHER_ROUNDS):
        if not frontier:
            break
        found = (
            Relationship.objects.filter(
                Q(from_person_id__in=frontier) | Q(to_person_id__in=frontier)
            )
            .select_related("from_person", "to_person")
            .order_by("pk")
        )
        frontier = set()
        for tie in found:
            if tie.pk in ties:
                continue
            if tie.kind not in GENERATIONS_ABOVE:
                # other relatives and close persons are listed, not drawn
                if tie.to_person_id == child.pk and all(o.pk != tie.pk for o in others):
                    others.append(tie)
                continue
            ties[tie.pk] = tie
            for person in (tie.from_person, tie.to_person):
                if person.pk not in persons:
                    persons[person.pk] = person
                    frontier.add(person.pk)
    return persons, list(ties.values()), others


def _generations(index: int, ties: list[Relationship]) -> dict[int, int]:
    """Generation of each person relative to the child (parents -1, grandparents -2)."""
    edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for t in ties:
        up = GENERATIONS_ABOVE[t.kind]
        edges[t.to_person_id].append((t.from_person_id, -up))
        edges[t.from_person_id].append((t.to_person_id, up))
    generation = {index: 0}
    queue = [index]
    while queue:
        current = queue.pop(0)
        for other, step in edges[current]:
            if other not in generation:
                generation[other] = generation[current] + step
                queue.append(other)
    return generation


def _parent_links(ties: list[Relationship]) -> list[dict[str, Any]]:
    seen, links = set(), []
    for t in ties:
        kind = PARENT_KINDS.get(t.kind)
        key = (t.from_person_id, t.to_person_id, kind)
        if kind and key not in seen:
            seen.add(key)
            links.append({"parent": t.from_person_id, "child": t.to_person_id, "kind": kind})
    return links


def _partnerships(ties: list[Relationship]) -> list[dict[str, Any]]:
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    for t in ties:
        if t.kind != RelationshipKind.PARTNER:
            continue
        a, b = sorted((t.from_person_id, t.to_person_id))
        status = t.partnership_status or ("separated" if t.ended_on else "")
        if (a, b) not in pairs or not pairs[(a, b)]["status"]:
            pairs[(a, b)] = {"a": a, "b": b, "status": status}
    return list(pairs.values())


def _roles(index: int, ties: list[Relationship], links: list[dict[str, Any]]) -> dict[int, str]:
    """Each person's relation to the child, for the data table ("grandparent", …)."""
    parents: dict[int, set[int]] = defaultdict(set)
    for link in links:
        if link["kind"] != "step":
            parents[link["child"]].add(link["parent"])
    roles: dict[int, str] = {index: "index"}
    for t in ties:
        if t.to_person_id == index:
            roles.setdefault(t.from_person_id, t.kind)
        elif t.from_person_id == index:
            reverse = {"partner": "partner", "sibling": "sibling", "grandparent": "grandchild"}
            roles.setdefault(t.to_person_id, reverse.get(t.kind, "child"))
    own = parents[index]
    for t in ties:
        a, b = t.from_person_id, t.to_person_id
        if t.kind == RelationshipKind.PARTNER and (a in own or b in own):
            roles.setdefault(b if a in own else a, "parent_partner")
        elif t.kind in PARENT_KINDS and t.kind != RelationshipKind.STEP_PARENT and b in own:
            roles.setdefault(a, "grandparent")
    for pid, theirs in parents.items():  # the parents recorded tell a half-sibling apart
        if pid != index and own and theirs & own and roles.get(pid, "sibling") == "sibling":
            roles[pid] = "sibling" if theirs == own else "half_sibling"
    return roles


def _person(p: Person, generation: int, role: str, household: bool, guardian: bool) -> dict:
    unborn = p.birth_date is None and p.expected_birth_date is not None
    return {
        "id": p.pk,
        "name": p.recorded_name,
        "gender": p.gender,
        "birth_year": p.birth_date.year if p.birth_date else None,
        "expected_on": p.expected_birth_date.isoformat()
        if unborn and p.expected_birth_date
        else None,
        "expected_year": p.expected_birth_date.year if unborn and p.expected_birth_date else None,
        "death_year": p.deceased_on.year if p.deceased_on else None,
        "deceased": p.deceased_on is not None,
        "unborn": unborn,
        "generation": generation,
        "role": role,
        "household": household,
        "guardian": guardian,
    }


def _emotional(case: Case, drawn: set[int]) -> list[dict[str, Any]]:
    return [
        {"id": t.pk, "a": t.person_a_id, "b": t.person_b_id, "quality": t.quality, "note": t.note}
        for t in EmotionalTie.objects.filter(case=case).order_by("created_at", "pk")
        if t.person_a_id in drawn and t.person_b_id in drawn
    ]


def family_person_ids(case: Case) -> set[int]:
    """Who is drawn on the child's genogram: the persons an emotional tie may join."""
    persons, ties, _others = _gather(case.child)
    return set(_generations(case.child_id, ties)) & set(persons)


def render_genogram_svg(
    data: dict[str, Any], *, title: str, labels: dict[str, str] | None = None
) -> str:
    """The genogram as an accessible SVG image (``role="img"``, a title, a description and a
    legend). ``labels`` carries the translated words; English is the fallback."""
    words = {**english(genogram_legend.DEFAULT_LABELS), **(labels or {})}
    layout = genogram_layout.compute(data)
    return genogram_draw.draw(data, layout, title=title, labels=words)


ROLE_LABELS = {
    "index": gettext_lazy("The child"),
    **{kind.value: kind.label for kind in RelationshipKind},
    "parent_partner": gettext_lazy("Parent's partner"),
    "half_sibling": gettext_lazy("Half-sibling"),
    "child": gettext_lazy("Child of the child"),
    "grandchild": gettext_lazy("Grandchild"),
    "partner": gettext_lazy("Partner"),
    "relative": gettext_lazy("Relative"),
}
PARENT_LABELS = {
    "biological": RelationshipKind.BIOLOGICAL_PARENT.label,
    "adoptive": RelationshipKind.ADOPTIVE_PARENT.label,
    "foster": RelationshipKind.FOSTER_PARENT.label,
    "step": RelationshipKind.STEP_PARENT.label,
}


def genogram_table(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The genogram's data as table rows with translated words: the figure's text version."""
    unnamed = _("Unborn child")
    names = {p["id"]: p["name"] or unnamed for p in data["persons"]}
    statuses = dict(PartnershipStatus.choices)
    qualities = dict(TieQuality.choices)
    persons = [
        {
            "id": p["id"],
            "name": names[p["id"]],
            "role": ROLE_LABELS.get(p["role"], p["role"]),
            "born": p["birth_year"],
            "expected_on": p["expected_on"],
            "died": p["death_year"],
            "deceased": p["deceased"],
            "household": p["household"],
            "guardian": p["guardian"],
        }
        for p in data["persons"]
    ]
    ties = [
        {
            "a": names[x["parent"]],
            "tie": PARENT_LABELS[x["kind"]],
            "b": names[x["child"]],
            "note": "",
        }
        for x in data["parent_links"]
        if x["parent"] in names and x["child"] in names
    ]
    ties += [
        {
            "a": names[x["a"]],
            "tie": _("Partners (%(status)s)") % {"status": statuses[x["status"]]}
            if x["status"] in statuses
            else _("Partners"),
            "b": names[x["b"]],
            "note": "",
        }
        for x in data["partnerships"]
        if x["a"] in names and x["b"] in names
    ]
    ties += [
        {
            "a": names[x["a"]],
            "tie": qualities.get(x["quality"], x["quality"]),
            "b": names[x["b"]],
            "note": x["note"],
        }
        for x in data["emotional"]
        if x["a"] in names and x["b"] in names
    ]
    others = [
        {"name": o["name"], "role": ROLE_LABELS.get(o["kind"], o["kind"])} for o in data["others"]
    ]
    return {"persons": persons, "ties": ties, "others": others}
