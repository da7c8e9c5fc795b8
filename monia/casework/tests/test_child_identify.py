"""A child recorded as not identified is linked later to the identified person: the case
becomes theirs (or its intakes join their open case), with a reason in the chronology."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from monia.access.models import AccessLog, Basis
from monia.access.purposes import purpose_label
from monia.access.testing import log_read
from monia.casework import person_services, services
from monia.casework.models import Case, CaseStage, ChronologyEvent
from monia.conftest import CaseWorld, child_create, days_ago
from monia.conftest import login as _login
from monia.people.models import Person
from monia.portal.log_selectors import who_viewed

INTAKE = dict(kind="notification", channel="phone", notifier_type="private", content="Huoli.")


def _unidentified_case(worker: Any, team: Any) -> Case:
    intake = services.intake_record_for_new_child(
        user=worker,
        child={
            "first_names": "",
            "last_name": "",
            "unidentified": True,
            "approximate_age": 8,
            "description": "Poika B-rapusta, asunto 12",
        },
        team=team,
        received_at=days_ago(1),
        **INTAKE,
    )
    return intake.case


def test_the_case_becomes_the_identified_childs(world: Any, worker_a: Any) -> None:
    case = _unidentified_case(worker_a, world.team_a1)
    unknown = case.child
    onni = child_create(world.county_a, first="Onni", last="Koululainen", years=8, number=940)
    log_read(user=worker_a, person=unknown, case=case, basis=Basis.DESIGNATED_WORKER)
    target = person_services.child_identify(
        user=worker_a, case=case, person=onni, reason="Koulu vahvisti henkilöllisyyden."
    )
    assert target == case
    case.refresh_from_db()
    unknown.refresh_from_db()
    assert case.child == onni and unknown.merged_into == onni
    # The read stays the unidentified record's own (the log is append-only), and shows
    # in Onni's "who has seen my data" through ``merged_into``.
    assert AccessLog.objects.filter(person=unknown, purpose="case_detail").count() == 1
    onni_view: Any = SimpleNamespace(case=case, client=onni, is_guardian=False)
    assert [r.what for r in who_viewed(onni_view).rows if r.kind == "access"] == [
        [purpose_label("case_detail")]
    ]
    event = ChronologyEvent.objects.get(case=case, kind="child_identified")
    assert "Onni Koululainen" in event.detail and "Koulu vahvisti" in event.detail


def test_intakes_join_the_childs_open_case(case_a: CaseWorld, world: Any, worker_a: Any) -> None:
    case = _unidentified_case(worker_a, world.team_a1)
    target = person_services.child_identify(
        user=worker_a, case=case, person=case_a.case.child, reason="Sama lapsi."
    )
    assert target == case_a.case
    case.refresh_from_db()
    assert case.stage == CaseStage.CLOSED and not case.intakes.exists()
    assert case_a.case.intakes.filter(content="Huoli.").exists()
    assert ChronologyEvent.objects.filter(case=case_a.case, kind="child_identified").exists()


def test_an_identified_child_or_an_adult_cannot_be_linked(
    case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    with pytest.raises(ValidationError):  # case_a's child is identified
        person_services.child_identify(
            user=worker_a, case=case_a.case, person=case_a.case.child, reason="x"
        )
    case = _unidentified_case(worker_a, world.team_a1)
    mother = Person.objects.get(ties_from__to_person=case_a.case.child)
    with pytest.raises(ValidationError) as exc:
        person_services.child_identify(user=worker_a, case=case, person=mother, reason="x")
    assert "person" in exc.value.message_dict
    case.refresh_from_db()
    assert case.child.unidentified and case.child.merged_into is None


def test_the_page_searches_inside_the_form_and_links(world: Any, worker_a: Any) -> None:
    case = _unidentified_case(worker_a, world.team_a1)
    onni = child_create(world.county_a, first="Onni", last="Koululainen", years=8, number=941)
    url = reverse("child_identify", kwargs={"case_id": case.pk})
    client = _login("worker_a")
    # Onni is no family of the team: found by the full name and the birth date (issue 11).
    q = f"Onni Koululainen {onni.birth_date:%d.%m.%Y}"
    html = client.post(url, {"search": "1", "q": q, "reason": "Koulu vahvisti."}).content.decode()
    assert re.search(rf'name="person" value="{onni.pk}"', html)
    assert "Koulu vahvisti." in html  # the reason typed is kept
    assert AccessLog.objects.filter(person=onni, purpose="child_identify_search").exists()
    response = client.post(url, {"q": q, "person": str(onni.pk), "reason": "Koulu vahvisti."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.child == onni


def test_the_page_is_for_those_who_record_on_the_case(
    world: Any, worker_a: Any, other_team: Any
) -> None:
    case = _unidentified_case(worker_a, world.team_a1)
    url = reverse("child_identify", kwargs={"case_id": case.pk})
    assert _login("other_team").get(url).status_code == 404
    assert _login("worker_a").get(url).status_code == 200


def test_a_child_not_identified_is_born_not_known_not_unborn(world: Any, worker_a: Any) -> None:
    """An eight-year-old told of by a neighbour has no date of birth yet: the dashboard, the
    search and the child's page say it is not known (they said "unborn", or "expected"
    with no date)."""
    case = _unidentified_case(worker_a, world.team_a1)
    client = _login("worker_a", "sv")
    pages = {
        "dashboard": client.get(reverse("dashboard")).content.decode(),
        "case": client.get(reverse("case_detail", args=[case.pk])).content.decode(),
    }
    for name, html in pages.items():
        assert "Inte känt" in html, name
        assert "ofött" not in html and "beräknat" not in html, name


def test_an_unborn_child_is_unborn_with_the_expected_date(world: Any, worker_a: Any) -> None:
    import datetime

    from django.utils import timezone

    expected = timezone.localdate() + datetime.timedelta(days=60)
    intake = services.intake_record_for_new_child(
        user=worker_a,
        child={"first_names": "", "last_name": "Odottava", "expected_birth_date": expected},
        team=world.team_a1,
        received_at=days_ago(1),
        **{**INTAKE, "kind": "pre_birth"},
    )
    client = _login("worker_a", "sv")
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "ofött" in dashboard
    # Named as a child not born yet wherever it is listed (lists without a "Born" column
    # showed only "Odottava"): the deadlines, the cases, the team's board, the calendar.
    assert dashboard.count("Ofött barn (Odottava)") >= 2
    board = client.get(reverse("caseboard")).content.decode()
    assert "Ofött barn (Odottava)" in board
    page = client.get(reverse("case_detail", args=[intake.case.pk])).content.decode()
    assert f"beräknat {expected.day}.{expected.month}.{expected.year}" in page
    assert "Ofött barn (Odottava)" in page
