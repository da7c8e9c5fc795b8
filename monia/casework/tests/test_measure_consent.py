"""Hearing and consent before a measure: a child of 12 or older is heard first (HL 34 §) or
the reason recorded; a placement as a support measure needs the consent of the guardians
and of a child of 12 or older (LsL 37 §), and so does a care order the senior official
decides (LsL 43 §) — each answer recorded, or why it was not asked. Without them the
measure is not recorded, and nothing of it is saved."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from monia.casework import measure_services
from monia.casework.models import Case, ChildHearing, Measure, MeasureConsent
from monia.conftest import HEARD, CaseWorld, PortalWorld, login
from monia.people.models import Person

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
YESTERDAY = lambda: TODAY() - datetime.timedelta(days=1)  # noqa: E731


def _placement(case: Case, worker: Any, **extra: Any) -> Measure:
    return measure_services.measure_record(
        user=worker,
        case=case,
        kind="placement_as_support",
        decided_on=TODAY(),
        started_on=TODAY(),
        place="Perhekuntoutusyksikkö",
        **{"support_placement_type": "with_parent", **extra},
    )


def _mother(cw: CaseWorld) -> Person:
    return Person.objects.get(ties_from__to_person=cw.case.child)


def _errors(call: Any) -> dict[str, list[str]]:
    """The service's messages, in English."""
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        call()
    return exc.value.message_dict


# --- The child's hearing (HL 34 §) ------------------------------------------------------------


def _client_case(pw: PortalWorld, worker: Any) -> Case:
    """Eetu (14) as a child welfare client: his measures need his hearing."""
    from monia.casework import services

    case = pw.young_case
    intake = case.intakes.get()
    services.intake_decide(
        user=worker,
        intake=intake,
        decision="start_assessment",
        decided_on=TODAY(),
        family_told_on=TODAY(),
    )
    services.assessment_complete(
        user=worker,
        assessment=case.assessments.get(),
        completed_on=TODAY(),
        conclusion="child_welfare_client",
        summary="Tuki tarpeen.",
        hearing={**HEARD, "heard_on": TODAY()},
    )
    case.refresh_from_db()
    return case


def test_a_measure_for_a_child_of_12_is_not_recorded_without_the_hearing(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    case = _client_case(portal_world, worker_a)
    support = {
        "user": worker_a,
        "case": case,
        "kind": "community_support",
        "support_type": "support_person",
        "decided_on": TODAY(),
        "started_on": TODAY(),
    }
    errors = _errors(lambda: measure_services.measure_record(**support))
    assert "HL 34 §" in errors["heard"][0]
    assert not case.measures.exists()
    not_heard = {"heard": False, "not_heard_reason": "Nuori ei halunnut tavata."}
    measure = measure_services.measure_record(**support, hearing=not_heard)
    hearing = ChildHearing.objects.get(measure=measure)
    assert (hearing.heard, hearing.not_heard_reason) == (False, "Nuori ei halunnut tavata.")


def test_a_hearing_after_the_decision_is_refused(portal_world: PortalWorld, worker_a: Any) -> None:
    case = _client_case(portal_world, worker_a)
    errors = _errors(
        lambda: measure_services.measure_record(
            user=worker_a,
            case=case,
            kind="community_support",
            support_type="therapy",
            decided_on=YESTERDAY(),
            started_on=TODAY(),
            hearing={**HEARD, "heard_on": TODAY()},
        )
    )
    assert "heard_on" in errors


def test_a_hearing_written_without_saying_whether_the_child_was_heard_is_not_dropped(
    case_a: CaseWorld, worker_a: Any
) -> None:
    errors = _errors(
        lambda: measure_services.measure_record(
            user=worker_a,
            case=case_a.case,
            kind="community_support",
            support_type="therapy",
            decided_on=TODAY(),
            started_on=TODAY(),
            hearing={"heard": None, "child_view": "Haluan terapiaan."},
        )
    )
    assert "Say whether the child was heard" in errors["heard"][0]


def test_a_younger_childs_measure_needs_no_hearing_but_keeps_one_given(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """Aino is 9: her view is found out (LsL 20 §), the record does not require it."""
    measure = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="community_support",
        support_type="therapy",
        decided_on=TODAY(),
        started_on=TODAY(),
        hearing={**HEARD, "heard_on": TODAY()},
    )
    assert measure.hearings.get().child_view == HEARD["child_view"]


# --- Consent (LsL 37 §, 43 §) -----------------------------------------------------------------


def test_a_placement_as_support_needs_each_guardians_consent(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = _mother(case_a)
    errors = _errors(lambda: _placement(case_a.case, worker_a))
    assert "Maija Esimerkki" in errors[f"consent_{mother.pk}"][0]
    consents = {mother.pk: {"answer": "consented", "given_on": YESTERDAY()}}
    measure = _placement(case_a.case, worker_a, consents=consents)
    consent = MeasureConsent.objects.get(measure=measure)
    assert (consent.person, consent.party, consent.answer) == (mother, "guardian", "consented")
    assert consent.given_on == YESTERDAY()


def test_an_objection_stops_a_placement_as_support(case_a: CaseWorld, worker_a: Any) -> None:
    mother = _mother(case_a)
    consents = {mother.pk: {"answer": "objected", "given_on": YESTERDAY()}}
    errors = _errors(lambda: _placement(case_a.case, worker_a, consents=consents))
    assert "LsL 37 §" in errors[f"consent_{mother.pk}"][0]
    assert not Measure.objects.filter(kind="placement_as_support").exists()
    assert not MeasureConsent.objects.exists()


def test_a_consent_not_asked_needs_the_reason_and_an_answer_its_date(
    case_a: CaseWorld, worker_a: Any
) -> None:
    key = f"consent_{_mother(case_a).pk}"
    pk = _mother(case_a).pk
    errors = _errors(
        lambda: _placement(case_a.case, worker_a, consents={pk: {"answer": "not_asked"}})
    )
    assert f"{key}_reason" in errors
    errors = _errors(
        lambda: _placement(case_a.case, worker_a, consents={pk: {"answer": "consented"}})
    )
    assert f"{key}_on" in errors
    reason = {"answer": "not_asked", "reason": "Huoltaja ei ole tavoitettavissa ulkomailla."}
    measure = _placement(case_a.case, worker_a, consents={pk: reason})
    assert measure.consents.get().not_asked_reason.startswith("Huoltaja ei ole")


def test_a_placement_as_support_is_refused_when_no_guardian_is_recorded(
    case_a: CaseWorld, worker_a: Any
) -> None:
    case_a.case.child.ties_to.update(is_guardian=False)
    errors = _errors(lambda: _placement(case_a.case, worker_a))
    assert "No guardian" in errors["kind"][0]


def test_a_child_of_12_consents_to_their_own_placement(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    case = _client_case(portal_world, worker_a)
    guardian, young = portal_world.guardian, portal_world.young
    hearing = {**HEARD, "heard_on": TODAY()}
    consented = {"answer": "consented", "given_on": TODAY()}
    errors = _errors(
        lambda: _placement(case, worker_a, hearing=hearing, consents={guardian.pk: consented})
    )
    assert f"consent_{young.pk}" in errors
    measure = _placement(
        case, worker_a, hearing=hearing, consents={guardian.pk: consented, young.pk: consented}
    )
    assert sorted(measure.consents.values_list("party", flat=True)) == ["child", "guardian"]


def test_a_care_order_against_an_objection_goes_to_the_administrative_court(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = _mother(case_a)
    objection = {mother.pk: {"answer": "objected", "given_on": YESTERDAY()}}

    def care_order(body: str) -> Measure:
        return measure_services.measure_record(
            user=worker_a,
            case=case_a.case,
            kind="care_order",
            decision_body=body,
            decided_on=TODAY(),
            started_on=TODAY(),
            consents=objection,
        )

    errors = _errors(lambda: care_order("senior_official"))
    assert "administrative court" in errors[f"consent_{mother.pk}"][0]
    measure = care_order("administrative_court")
    assert measure.consents.get().answer == "objected"  # recorded, as the court heard it


# --- The page ---------------------------------------------------------------------------------


def _post(cw: CaseWorld, **extra: str) -> dict[str, str]:
    return {
        "kind": "placement_as_support",
        "support_placement_type": "with_parent",
        "decision_body": "social_worker",
        "decided_on": TODAY().isoformat(),
        "started_on": TODAY().isoformat(),
        "place": "Perhekuntoutusyksikkö Kaisla",
        "submission_key": "3f0e7a52-8a4f-4d7c-9a55-0c1d2e3f4a5b",
        **extra,
    }


def test_the_measure_page_asks_each_guardian_and_keeps_what_was_typed(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = _mother(case_a)
    url = reverse("measure_new", args=[case_a.case.pk])
    client = login("worker_a", "en")
    form = client.get(url).content.decode()
    assert f'name="consent_{mother.pk}"' in form and "Maija Esimerkki" in form
    refused = client.post(url, _post(case_a))
    html = refused.content.decode()
    assert refused.status_code == 200 and 'value="Perhekuntoutusyksikkö Kaisla"' in html
    assert "Record the answer of Maija Esimerkki" in html
    assert not Measure.objects.filter(kind="placement_as_support").exists()
    key = f"consent_{mother.pk}"
    done = client.post(
        url, _post(case_a, **{key: "consented", f"{key}_on": YESTERDAY().isoformat()})
    )
    assert done.status_code == 302
    page = client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert "Maija Esimerkki (Guardian): Consented" in page


def test_a_support_placement_asks_with_whom_the_child_is_placed_and_the_case_page_says_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = _mother(case_a)
    key = f"consent_{mother.pk}"
    answered = {key: "consented", f"{key}_on": YESTERDAY().isoformat()}
    url = reverse("measure_new", args=[case_a.case.pk])
    client = login("worker_a", "en")
    refused = client.post(url, _post(case_a, support_placement_type="", **answered))
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "Choose whether the child is placed alone or together with a parent." in html
    assert 'value="Perhekuntoutusyksikkö Kaisla"' in html  # nothing typed is lost
    assert not Measure.objects.filter(kind="placement_as_support").exists()
    done = client.post(url, _post(case_a, **answered))
    assert done.status_code == 302
    assert Measure.objects.get(kind="placement_as_support").support_placement_type == (
        "with_parent"
    )
    page = client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert "Together with a parent or guardian" in page


def test_with_whom_a_child_is_placed_is_kept_only_for_a_support_placement(
    case_a: CaseWorld, worker_a: Any
) -> None:
    support = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="community_support",
        support_type="support_person",
        support_placement_type="alone",
        decided_on=TODAY(),
        started_on=TODAY(),
    )
    assert support.support_placement_type == ""


def test_the_case_page_shows_the_hearing_before_a_measure(
    portal_world: PortalWorld, worker_a: Any
) -> None:
    case = _client_case(portal_world, worker_a)
    measure_services.measure_record(
        user=worker_a,
        case=case,
        kind="community_support",
        support_type="support_person",
        decided_on=TODAY(),
        started_on=TODAY(),
        hearing={"heard": False, "not_heard_reason": "Kiireellinen tilanne."},
    )
    page = login("worker_a", "en").get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "The child was not heard: Kiireellinen tilanne." in page


def test_a_placement_keeps_whether_the_close_network_was_mapped_and_support_does_not(
    case_a: CaseWorld, worker_a: Any
) -> None:
    consents = {_mother(case_a).pk: {"answer": "consented", "given_on": YESTERDAY()}}
    placed = _placement(case_a.case, worker_a, consents=consents, close_network_mapped=True)
    assert Measure.objects.get(pk=placed.pk).close_network_mapped is True
    support = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="community_support",
        support_type="support_person",
        decided_on=TODAY(),
        started_on=TODAY(),
        close_network_mapped=True,
    )
    assert Measure.objects.get(pk=support.pk).close_network_mapped is None


def test_every_placement_keeps_its_form_of_care(case_a: CaseWorld, worker_a: Any) -> None:
    """The national structure records each placement's form (sijoituspaikka): an emergency
    placement and a placement as a support measure keep it; support has none."""
    emergency = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="emergency_placement",
        decided_on=TODAY(),
        started_on=TODAY(),
        care_form="institutional_care",
    )
    assert Measure.objects.get(pk=emergency.pk).care_form == "institutional_care"
    consents = {_mother(case_a).pk: {"answer": "consented", "given_on": YESTERDAY()}}
    placed = _placement(case_a.case, worker_a, consents=consents, care_form="family_care")
    assert Measure.objects.get(pk=placed.pk).care_form == "family_care"
    support = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="community_support",
        support_type="support_person",
        decided_on=TODAY(),
        started_on=TODAY(),
        care_form="family_care",
    )
    assert Measure.objects.get(pk=support.pk).care_form == ""
