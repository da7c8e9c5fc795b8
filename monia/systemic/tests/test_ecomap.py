"""The ecomap: the child in the centre, the network round it, strength and quality shown
by the lines, ended ties gone. The picture is read back with an XML parser."""

from __future__ import annotations

import datetime
import json
import math
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from monia.accounts.models import User
from monia.casework.models import Case
from monia.conftest import World, days_ago, notification
from monia.systemic import diagram_services
from monia.systemic.ecomap import ecomap_data, ecomap_table, render_ecomap_svg
from monia.systemic.models import NetworkTie
from monia.systemic.tests.test_genogram import person

NS = {"s": "http://www.w3.org/2000/svg"}
NETWORK = [
    ("Mummo Helmi", "relative", "strong", "supportive"),
    ("Kauppakadun koulu", "school", "moderate", "mixed"),
    ("Partio", "hobby", "weak", "supportive"),
    ("Lastenpsykiatrian poliklinikka", "child_psychiatry", "moderate", "stressful"),
    ("Perhetyö", "social_services", "strong", "supportive"),
]


@pytest.fixture
def case(world: World, worker_a: User) -> Case:
    child = person(world, "Aino", "female", 2016)
    return notification(worker_a, child, world.team_a1, at=days_ago(3)).case


def add(user: User, case: Case, name: str, kind: str, strength: str, quality: str) -> NetworkTie:
    return diagram_services.network_tie_add(
        user=user, case=case, name=name, kind=kind, strength=strength, quality=quality
    )


@pytest.fixture
def network(case: Case, worker_a: User) -> dict[str, NetworkTie]:
    return {row[0]: add(worker_a, case, *row) for row in NETWORK}


def draw(case: Case) -> ET.Element:
    return ET.fromstring(render_ecomap_svg(ecomap_data(case), title="Ecomap"))  # noqa: S314


def nodes(root: ET.Element) -> dict[int, tuple[ET.Element, float, float]]:
    out = {}
    for g in root.iterfind(".//s:g[@class='tie']", NS):
        circle = g.find("s:circle[@class='tie-node']", NS)
        assert circle is not None
        out[int(g.get("data-tie-id", ""))] = (
            g,
            float(circle.get("cx", 0)),
            float(circle.get("cy", 0)),
        )
    return out


def centre(root: ET.Element) -> tuple[float, float]:
    circle = root.find(".//s:circle[@class='centre-circle']", NS)
    assert circle is not None
    return float(circle.get("cx", 0)), float(circle.get("cy", 0))


def test_the_child_is_in_the_centre_and_the_ties_evenly_round_it(
    case: Case, network: dict[str, NetworkTie]
) -> None:
    root = draw(case)
    assert root.get("role") == "img" and root.find("s:desc", NS) is not None
    assert root.find(".//s:g[@class='centre']", NS).get("data-person-id") == str(case.child_id)  # type: ignore[union-attr]
    cx, cy = centre(root)
    drawn = nodes(root)
    assert set(drawn) == {t.pk for t in network.values()}
    distances = {round(math.dist((cx, cy), (x, y))) for _g, x, y in drawn.values()}
    assert len(distances) == 1  # all on one circle
    angles = sorted(math.degrees(math.atan2(x - cx, cy - y)) % 360 for _g, x, y in drawn.values())
    gaps = {round(b - a) for a, b in zip(angles, angles[1:], strict=False)}
    assert gaps == {72}  # five ties, 360° / 5 apart


def test_strength_and_quality_are_on_each_tie_and_shown_by_the_line(
    case: Case, network: dict[str, NetworkTie]
) -> None:
    drawn = nodes(draw(case))
    lines = {}
    for name, kind, strength, quality in NETWORK:
        g = drawn[network[name].pk][0]
        assert (g.get("data-kind"), g.get("data-strength"), g.get("data-quality")) == (
            kind,
            strength,
            quality,
        )
        lines[name] = g.find("s:path[@class='tie-line']", NS)
    width = {name: float(line.get("stroke-width", 0)) for name, line in lines.items()}  # type: ignore[union-attr]
    assert width["Mummo Helmi"] > width["Kauppakadun koulu"] > width["Partio"]
    assert lines["Partio"].get("stroke-dasharray")  # type: ignore[union-attr]  # weak: dashed
    assert lines["Mummo Helmi"].get("stroke-dasharray") is None  # type: ignore[union-attr]
    turns = {name: len(re.findall("L", line.get("d", ""))) for name, line in lines.items()}  # type: ignore[union-attr]
    assert turns["Perhetyö"] == 1  # supportive: straight
    assert turns["Lastenpsykiatrian poliklinikka"] > 5  # stressful: zigzag
    assert lines["Kauppakadun koulu"].get("d", "").count("M") > 2  # type: ignore[union-attr]  # mixed: hatched
    for line in lines.values():
        assert "marker" not in ET.tostring(line, encoding="unicode")  # no arrows


def test_an_ended_tie_is_not_drawn_but_stays_in_the_record(
    case: Case, network: dict[str, NetworkTie], worker_a: User
) -> None:
    ended = network["Partio"]
    diagram_services.network_tie_end(user=worker_a, tie=ended, ended_on=timezone.localdate())
    drawn = nodes(draw(case))
    assert ended.pk not in drawn and len(drawn) == 4
    assert NetworkTie.objects.filter(pk=ended.pk, ended_on__isnull=False).exists()


def test_a_tie_cannot_end_twice_or_in_the_future(
    network: dict[str, NetworkTie], worker_a: User
) -> None:
    tie = network["Partio"]
    with pytest.raises(ValidationError):
        diagram_services.network_tie_end(
            user=worker_a, tie=tie, ended_on=timezone.localdate() + datetime.timedelta(days=1)
        )
    diagram_services.network_tie_end(user=worker_a, tie=tie, ended_on=timezone.localdate())
    with pytest.raises(ValidationError):
        diagram_services.network_tie_end(user=worker_a, tie=tie, ended_on=timezone.localdate())


def test_a_tie_needs_a_name_and_known_choices(case: Case, worker_a: User) -> None:
    with pytest.raises(ValidationError) as exc:
        add(worker_a, case, " ", "planet", "strong", "supportive")
    assert set(exc.value.message_dict) == {"name", "kind"}


def test_the_data_is_plain_json_and_the_table_has_words(
    case: Case, network: dict[str, NetworkTie]
) -> None:
    data = ecomap_data(case)
    assert json.loads(json.dumps(data)) == data
    rows = ecomap_table(data)
    assert {r["name"] for r in rows} == set(network)
    assert any(r["quality_label"] == gettext("Both supportive and stressful") for r in rows)


def test_an_empty_network_still_draws_the_child(case: Case) -> None:
    root = draw(case)
    assert nodes(root) == {}
    assert root.find(".//s:g[@class='centre']", NS) is not None


def test_many_ties_spread_on_a_wider_circle(case: Case, worker_a: User) -> None:
    for i in range(20):
        add(worker_a, case, f"Palvelu {i}", "other", "moderate", "supportive")
    root = draw(case)
    cx, cy = centre(root)
    drawn = list(nodes(root).values())
    nearest = min(
        math.dist((a[1], a[2]), (b[1], b[2])) for i, a in enumerate(drawn) for b in drawn[i + 1 :]
    )
    assert nearest > 2 * 48  # the nodes do not overlap
