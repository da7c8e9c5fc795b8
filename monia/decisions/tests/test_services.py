"""The decision's life: a draft prefilled from its measure, edited under an optimistic
lock, signed only by its named decider when complete (HL 34 §, 44–45 §, LsL 37 §, 43 §),
corrected by a new decision, served to each party with the appeal period's end."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone, translation

from monia.access.testing import as_owner
from monia.casework import measure_services
from monia.casework.models import ChronologyEvent, Measure
from monia.conftest import CaseWorld
from monia.decisions import selectors, services
from monia.decisions.models import Decision, DecisionParty, DecisionService
from monia.decisions.signing import DecisionAlreadySigned
from monia.decisions.testing import TEXT, draft_for, emergency_placement, heard_all, signed_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _errors(call: Any) -> dict[str, list[str]]:
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        call()
    return exc.value.message_dict


def _sign(decision: Decision, user: Any) -> Decision:
    return services.decision_sign(user=user, decision=decision, lock_version=decision.lock_version)


def _update(decision: Decision, user: Any, **data: Any) -> Decision:
    base = {"matter": decision.matter, "decided_on": decision.decided_on, **TEXT}
    return services.decision_update(
        user=user,
        decision=decision,
        lock_version=decision.lock_version,
        data={**base, "decider": decision.decider, **data},
        parties=heard_all(decision, decision.decided_on or TODAY()),
    )


# --- The draft ------------------------------------------------------------------------------


def test_a_draft_from_a_measure_is_prefilled(case_a: CaseWorld, worker_a: Any) -> None:
    measure = case_a.emergency
    d = services.decision_draft(
        user=worker_a, case=case_a.case, kind="emergency_placement", measure=measure
    )
    assert d.state == "draft" and d.decided_on == measure.decided_on
    assert "Perhekoti" in d.decision_text
    assert d.appeal_route == "appeal" and d.enforced_at_once
    assert d.preparer == worker_a and d.info_person == worker_a and d.decider is None
    roles = sorted((p.role, p.person.full_name) for p in d.parties.select_related("person"))
    assert roles == [("child", case_a.case.child.full_name), ("guardian", "Maija Esimerkki")]


def test_a_support_decision_is_a_request_for_correction_and_not_enforced(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = services.decision_draft(user=worker_a, case=case_a.case, kind="support_measure")
    assert d.appeal_route == "correction" and not d.enforced_at_once
    assert d.decision_text == ""


def test_a_draft_is_made_once_per_submission(case_a: CaseWorld, worker_a: Any) -> None:
    import uuid

    key = uuid.uuid4()
    first = services.decision_draft(
        user=worker_a, case=case_a.case, kind="support_measure", submission_key=key
    )
    again = services.decision_draft(
        user=worker_a, case=case_a.case, kind="support_measure", submission_key=key
    )
    assert first.pk == again.pk and Decision.objects.count() == 1


def test_another_workers_key_is_refused_for_a_draft_and_a_service(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    """A form session's key belongs to whoever first sent it: the same form sent again
    answers with what it saved, another worker's send with it is refused."""
    import uuid

    key = uuid.uuid4()
    first = services.decision_draft(
        user=worker_a, case=case_a.case, kind="support_measure", submission_key=key
    )
    with translation.override("en"), pytest.raises(ValidationError, match="sent already"):
        services.decision_draft(
            user=teammate_a, case=case_a.case, kind="support_measure", submission_key=key
        )
    assert list(Decision.objects.filter(submission_key=key)) == [first]
    d = signed_for(case_a.case, worker_a)
    party = d.parties.get(role="guardian")
    served = {"decision": d, "party": party, "channel": "letter", "sent_on": TODAY()}
    key = uuid.uuid4()
    once = services.decision_serve(user=worker_a, submission_key=key, **served)
    assert services.decision_serve(user=worker_a, submission_key=key, **served) == once
    with translation.override("en"), pytest.raises(ValidationError, match="sent already"):
        services.decision_serve(user=teammate_a, submission_key=key, **served)
    assert list(DecisionService.objects.all()) == [once]


def test_the_childs_hearing_comes_from_the_measure(portal_world: Any, worker_a: Any) -> None:
    from monia.conftest import HEARD

    case = portal_world.young_case
    measure = Measure.objects.filter(case=case).first()
    if measure is None:
        measure = measure_services.measure_record(
            user=worker_a,
            case=case,
            kind="emergency_placement",
            decided_on=TODAY(),
            started_on=TODAY(),
            hearing={**HEARD, "heard_on": TODAY()},
        )
    d = services.decision_draft(
        user=worker_a, case=case, kind="emergency_placement", measure=measure
    )
    child = d.parties.get(role="child")
    hearing = measure.hearings.first()
    assert hearing is not None
    assert (child.heard, child.heard_on, child.view) == (
        hearing.heard,
        hearing.heard_on,
        hearing.child_view,
    )


def test_a_second_window_is_refused_and_nothing_is_saved(case_a: CaseWorld, worker_a: Any) -> None:
    d = draft_for(case_a.case, worker_a)
    stale = d.lock_version - 1
    errors = _errors(
        lambda: services.decision_update(
            user=worker_a, decision=d, lock_version=stale, data={"matter": "Toinen"}
        )
    )
    assert "another window" in errors["__all__"][0]
    d.refresh_from_db()
    assert d.matter != "Toinen"


def test_a_hearing_without_its_date_or_reason_is_refused_whole(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    guardian = d.parties.get(role="guardian")
    errors = _errors(
        lambda: services.decision_update(
            user=worker_a,
            decision=d,
            lock_version=d.lock_version,
            data={"matter": d.matter, "reasons": "Muutettu"},
            parties={guardian.pk: {"heard": False, "not_heard_reason": ""}},
        )
    )
    assert f"party_{guardian.pk}_not_heard_reason" in errors
    d.refresh_from_db()
    assert d.reasons == TEXT["reasons"]


def test_a_decider_who_may_not_decide_the_case_is_refused(
    case_a: CaseWorld, worker_a: Any, other_team: Any, family_worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    for wrong in (other_team, family_worker_a):
        errors = _errors(lambda w=wrong: _update(d, worker_a, decider=w))
        assert "decider" in errors


# --- Signing --------------------------------------------------------------------------------


def test_the_decider_signs_and_the_decision_is_numbered(case_a: CaseWorld, worker_a: Any) -> None:
    d = _sign(draft_for(case_a.case, worker_a), worker_a)
    year = d.decided_on.year
    assert d.state == "signed" and d.number == f"a-{year}-1" and d.signed_at is not None
    event = ChronologyEvent.objects.get(kind="decision_signed")
    assert event.detail == d.number and event.actor == worker_a


def test_numbers_run_per_county_and_year(case_a: CaseWorld, worker_a: Any) -> None:
    first = signed_for(case_a.case, worker_a)
    second = signed_for(case_a.case, worker_a, kind="support_measure")
    assert first.decided_on is not None and second.decided_on is not None
    if first.decided_on.year == second.decided_on.year:
        assert second.number == f"a-{second.decided_on.year}-2"
    else:  # the test runs in the first days of a year: a new sequence
        assert second.number == f"a-{second.decided_on.year}-1"
    assert len(set(Decision.objects.values_list("number", flat=True))) == 2


def test_only_the_named_decider_signs(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, senior_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a, decider=senior_a)
    errors = _errors(lambda: _sign(d, worker_a))
    assert errors["decider"] == ["Only the decider named in the decision signs it."]
    assert _sign(d, senior_a).decider == senior_a


def test_a_care_order_is_signed_by_the_senior_official_only(
    case_a: CaseWorld, worker_a: Any, senior_a: Any
) -> None:
    d = services.decision_draft(user=worker_a, case=case_a.case, kind="care_order_end")
    errors = _errors(lambda: _update(d, worker_a, decider=worker_a))
    assert "decider" in errors
    d = _update(d, worker_a, decider=senior_a, carer_view="Lastenkoti tukee kotiinpaluuta.")
    assert _sign(d, senior_a).state == "signed"


@pytest.mark.parametrize(
    ("field", "blank", "message"),
    [
        ("decision_text", {"decision_text": ""}, "Write the decision (HL 44 §)."),
        ("reasons", {"reasons": " "}, "Write the reasons"),
        ("provisions", {"provisions": ""}, "Name the provisions applied (HL 45 §)."),
        ("decider", {"decider": None}, "Name the decider"),
    ],
)
def test_an_incomplete_decision_is_not_signed(
    case_a: CaseWorld, worker_a: Any, field: str, blank: dict[str, Any], message: str
) -> None:
    d = _update(draft_for(case_a.case, worker_a), worker_a, **blank)
    errors = _errors(lambda: _sign(d, worker_a))
    assert errors[field][0].startswith(message)
    d.refresh_from_db()
    assert d.state == "draft" and d.number == "" and d.signed_at is None
    assert not ChronologyEvent.objects.filter(kind="decision_signed").exists()


def test_a_decision_dated_in_the_future_is_not_signed(case_a: CaseWorld, worker_a: Any) -> None:
    d = _update(
        draft_for(case_a.case, worker_a),
        worker_a,
        decided_on=TODAY() + datetime.timedelta(days=1),
    )
    assert "future" in _errors(lambda: _sign(d, worker_a))["decided_on"][0]


def test_a_guardian_not_heard_without_a_reason_stops_the_signing(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    guardian = d.parties.get(role="guardian")
    DecisionParty.objects.filter(pk=guardian.pk).update(heard=None, heard_on=None)
    errors = _errors(lambda: _sign(d, worker_a))
    assert "Maija Esimerkki was not heard" in errors[f"party_{guardian.pk}_heard"][0]
    assert "HL 34 §" in errors[f"party_{guardian.pk}_heard"][0]


def test_a_child_under_12_not_heard_does_not_stop_the_signing(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    DecisionParty.objects.filter(decision=d, role="child").update(heard=None, heard_on=None)
    assert _sign(d, worker_a).state == "signed"


def test_a_guardian_not_heard_with_the_reason_does_not_stop_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    guardian = d.parties.get(role="guardian")
    d = services.decision_update(
        user=worker_a,
        decision=d,
        lock_version=d.lock_version,
        data={"matter": d.matter},
        parties={guardian.pk: {"heard": False, "not_heard_reason": "Kiireellinen (HL 34 § 2)."}},
    )
    assert _sign(d, worker_a).state == "signed"


def test_a_support_placements_draft_says_with_whom_the_child_is_placed_in_the_childs_language(
    case_a: CaseWorld, worker_a: Any
) -> None:
    measure = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="placement_as_support",
        support_placement_type="alone",
        place="Nuorisokoti Koivu",
        decided_on=TODAY(),
        started_on=TODAY(),
        consents={
            p.pk: {"answer": "consented", "given_on": TODAY()}
            for p in (r.from_person for r in case_a.case.child.ties_to.all())
        },
    )
    draft = services.decision_draft(
        user=worker_a, case=case_a.case, kind="placement_as_support", measure=measure
    )
    assert "Nuorisokoti Koivu, Yksin, ilman vanhempia (LsL 37 § 2 mom)" in draft.decision_text


def test_a_placement_as_support_without_consent_is_not_signed(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = case_a.case.child.ties_to.get().from_person
    measure = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="placement_as_support",
        support_placement_type="alone",
        decided_on=TODAY(),
        started_on=TODAY(),
        consents={mother.pk: {"answer": "not_asked", "reason": "Ei tavoitettu."}},
    )
    d = draft_for(case_a.case, worker_a, kind="placement_as_support", measure=measure)
    # A consent row exists but the answer is "not asked": accepted (the reason is recorded).
    assert _sign(d, worker_a).state == "signed"
    with as_owner():  # arranging: a measure whose consents are gone (the app never deletes one)
        measure.consents.all().delete()
    d2 = draft_for(case_a.case, worker_a, kind="placement_as_support", measure=measure)
    errors = _errors(lambda: _sign(d2, worker_a))
    assert "LsL 37 §" in errors["consents"][0] and "Maija Esimerkki" in errors["consents"][0]


def test_a_care_order_by_the_senior_official_needs_consent(
    case_a: CaseWorld, worker_a: Any, senior_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a, kind="care_order", decider=senior_a)
    errors = _errors(lambda: _sign(d, senior_a))
    assert "LsL 43 §" in errors["consents"][0]


def test_signing_twice_is_refused(case_a: CaseWorld, worker_a: Any) -> None:
    d = signed_for(case_a.case, worker_a)
    assert _errors(lambda: _sign(d, worker_a))["__all__"] == ["The decision is already signed."]
    with pytest.raises(DecisionAlreadySigned):  # a repeat the pages answer as done
        _sign(d, worker_a)
    assert ChronologyEvent.objects.filter(kind="decision_signed").count() == 1


def test_a_signed_decision_is_not_edited(case_a: CaseWorld, worker_a: Any) -> None:
    d = signed_for(case_a.case, worker_a)
    errors = _errors(
        lambda: services.decision_update(
            user=worker_a, decision=d, lock_version=d.lock_version, data={"matter": "X"}
        )
    )
    assert "signed" in errors["__all__"][0]


# --- The database keeps a signed decision --------------------------------------------------


def _refused(sql: str, params: list[Any]) -> str:
    with (
        as_owner(),
        pytest.raises(DatabaseError) as exc,
        transaction.atomic(),
        connection.cursor() as c,
    ):
        c.execute(sql, params)
    return str(exc.value)


def test_the_database_refuses_to_change_a_signed_decision_even_as_owner(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = signed_for(case_a.case, worker_a)
    party = d.parties.first()
    assert party is not None
    message = "a signed decision is never rewritten"
    assert message in _refused("UPDATE decisions_decision SET reasons = 'x' WHERE id = %s", [d.pk])
    assert message in _refused("DELETE FROM decisions_decision WHERE id = %s", [d.pk])
    assert message in _refused(
        "UPDATE decisions_decisionparty SET view = 'x' WHERE id = %s", [party.pk]
    )
    assert message in _refused("DELETE FROM decisions_decisionparty WHERE id = %s", [party.pk])
    d.refresh_from_db()
    assert d.reasons == TEXT["reasons"]


def test_a_draft_is_still_changed_in_the_database(case_a: CaseWorld, worker_a: Any) -> None:
    d = draft_for(case_a.case, worker_a)
    Decision.objects.filter(pk=d.pk).update(reasons="Uudet perustelut")
    d.refresh_from_db()
    assert d.reasons == "Uudet perustelut"


# --- Correction -----------------------------------------------------------------------------


def test_a_correction_is_a_new_draft_that_names_the_old(case_a: CaseWorld, worker_a: Any) -> None:
    old = signed_for(case_a.case, worker_a)
    new = services.decision_correct(user=worker_a, decision=old, reason="Väärä sijoituspaikka.")
    assert new.corrects == old and new.state == "draft"
    assert new.correction_reason == "Väärä sijoituspaikka."
    assert (new.reasons, new.decision_text) == (old.reasons, old.decision_text)
    assert new.parties.count() == old.parties.count()
    old.refresh_from_db()
    assert old.state == "signed" and old.reasons == TEXT["reasons"]
    assert ChronologyEvent.objects.get(kind="decision_corrected").detail == old.number
    signed = _sign(new, worker_a)
    assert signed.number != old.number
    again = services.decision_correct(user=worker_a, decision=signed, reason="Toinen korjaus.")
    assert again.corrects == signed  # the chain: a correction corrects the correction


def test_a_decision_is_corrected_once(case_a: CaseWorld, worker_a: Any) -> None:
    old = signed_for(case_a.case, worker_a)
    services.decision_correct(user=worker_a, decision=old, reason="Korjaus.")
    errors = _errors(lambda: services.decision_correct(user=worker_a, decision=old, reason="Uusi"))
    assert "already has a correction" in errors["reason"][0]
    assert Decision.objects.filter(corrects=old).count() == 1


def test_a_correction_needs_its_reason_and_a_signed_decision(
    case_a: CaseWorld, worker_a: Any
) -> None:
    draft = draft_for(case_a.case, worker_a)
    assert "reason" in _errors(
        lambda: services.decision_correct(user=worker_a, decision=draft, reason="x")
    )
    signed = signed_for(case_a.case, worker_a, kind="support_measure")
    assert "reason" in _errors(
        lambda: services.decision_correct(user=worker_a, decision=signed, reason="  ")
    )
    assert Decision.objects.filter(corrects__isnull=False).count() == 0


# --- Service --------------------------------------------------------------------------------


def _serve(d: Decision, user: Any, sent_on: datetime.date, channel: str = "letter") -> Any:
    party = d.parties.get(role="guardian")
    return services.decision_serve(
        user=user, decision=d, party=party, channel=channel, sent_on=sent_on
    )


def _signed_on(case_a: CaseWorld, worker_a: Any, day: datetime.date) -> Decision:
    """A decision dated ``day`` (its measure decided then)."""
    Measure.objects.filter(pk=case_a.emergency.pk).update(decided_on=day, started_on=day)
    case_a.case.__class__.objects.filter(pk=case_a.case.pk).update(
        opened_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    case_a.case.refresh_from_db()
    return signed_for(case_a.case, worker_a)


def test_a_letter_sent_on_friday_is_received_on_the_7th_day(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = _signed_on(case_a, worker_a, datetime.date(2025, 3, 7))  # a Friday
    s = _serve(d, worker_a, datetime.date(2025, 3, 7))
    assert s.served_on == datetime.date(2025, 3, 14)
    assert s.appeal_ends == datetime.date(2025, 4, 14)  # 13.4. is a Sunday: moved to Monday
    event = ChronologyEvent.objects.get(kind="decision_served")
    assert "Maija Esimerkki" in event.detail and d.number in event.detail


def test_the_appeal_period_moves_over_a_holiday(case_a: CaseWorld, worker_a: Any) -> None:
    # In person 22.11.2024: 30 days → 22.12.2024, a Sunday → Monday 23.12.
    d = _signed_on(case_a, worker_a, datetime.date(2024, 11, 1))
    s = _serve(d, worker_a, datetime.date(2024, 11, 22), channel="in_person")
    assert (s.served_on, s.appeal_ends) == (
        datetime.date(2024, 11, 22),
        datetime.date(2024, 12, 23),
    )
    s = _serve(d, worker_a, datetime.date(2024, 11, 27), channel="electronic")
    # received 30.11.; 30 days → 30.12.2024 (Monday, a working day)
    assert (s.served_on, s.appeal_ends) == (
        datetime.date(2024, 11, 30),
        datetime.date(2024, 12, 30),
    )
    s = _serve(d, worker_a, datetime.date(2024, 11, 29), channel="letter")
    # received 6.12. (Independence Day: still received); 30 days → 5.1.2025, a Sunday;
    # Monday 6.1. is Epiphany → Tuesday 7.1.2025.
    assert (s.served_on, s.appeal_ends) == (datetime.date(2024, 12, 6), datetime.date(2025, 1, 7))


def test_a_service_before_the_decision_or_in_the_future_is_refused(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = signed_for(case_a.case, worker_a)
    assert d.decided_on is not None
    before = d.decided_on - datetime.timedelta(days=1)
    assert (
        "before the date of the decision"
        in _errors(lambda: _serve(d, worker_a, before))["sent_on"][0]
    )
    future = TODAY() + datetime.timedelta(days=1)
    assert "future" in _errors(lambda: _serve(d, worker_a, future))["sent_on"][0]
    assert not DecisionService.objects.exists()
    assert not ChronologyEvent.objects.filter(kind="decision_served").exists()


def test_a_draft_is_not_served(case_a: CaseWorld, worker_a: Any) -> None:
    d = draft_for(case_a.case, worker_a)
    assert "signed" in _errors(lambda: _serve(d, worker_a, TODAY()))["__all__"][0]


def test_a_placement_decision_is_not_signed_until_the_close_network_answer_is_recorded(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a, close_network_mapped=None)
    assert d.measure is not None and d.measure.close_network_mapped is None
    errors = _errors(lambda: _sign(d, worker_a))
    assert "LsL 32 §" in errors["close_network_mapped"][0]
    d.refresh_from_db()
    assert d.state == "draft"
    d = services.decision_update(
        user=worker_a,
        decision=d,
        lock_version=d.lock_version,
        data={"matter": d.matter, "decided_on": d.decided_on, "close_network_mapped": False},
    )
    d.measure.refresh_from_db()
    assert d.measure.close_network_mapped is False
    assert _sign(d, worker_a).state == "signed"


def test_the_contact_of_the_person_who_gives_more_information_is_prefilled_structured(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = services.decision_draft(user=worker_a, case=case_a.case, kind="support_measure")
    assert (d.info_street, d.info_postal_code, d.info_town) == (
        "Sosiaalitoimisto, Katu 1",
        "00100",
        "Alue",
    )
    assert d.info_phone == worker_a.phone != ""


def test_a_decision_is_not_signed_without_the_info_persons_address_and_phone(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(
        case_a.case, worker_a, info_street="", info_postal_code="", info_town="", info_phone=""
    )
    errors = _errors(lambda: _sign(d, worker_a))
    assert {"info_street", "info_postal_code", "info_town", "info_phone"} <= set(errors)
    d.refresh_from_db()
    assert d.state == "draft" and d.number == ""
    d = _update(
        d,
        worker_a,
        info_street="PL 100",
        info_postal_code="70101",
        info_town="Kuopio",
        info_phone="017 000 000",
        close_network_mapped=True,
    )
    assert _sign(d, worker_a).state == "signed"


def test_a_bad_postal_code_is_refused_and_nothing_saved(case_a: CaseWorld, worker_a: Any) -> None:
    d = draft_for(case_a.case, worker_a)
    errors = _errors(lambda: _update(d, worker_a, info_postal_code="123", info_town="X"))
    assert errors["info_postal_code"] == ["A postal code is five digits."]
    d.refresh_from_db()
    assert d.info_town == "Alue"


def test_a_placement_decision_is_not_signed_without_the_form_of_the_placement(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a, care_form="")
    assert d.measure is not None and d.measure.care_form == ""
    errors = _errors(lambda: _sign(d, worker_a))
    assert "form of the placement" in errors["care_form"][0]
    d = _update(d, worker_a, care_form="institutional_care", close_network_mapped=True)
    d.measure.refresh_from_db()
    assert d.measure.care_form == "institutional_care"
    assert _sign(d, worker_a).state == "signed"


def test_ending_a_care_order_is_not_signed_without_the_substitute_care_places_view(
    case_a: CaseWorld, worker_a: Any, senior_a: Any
) -> None:
    from monia.casework import measure_selectors

    consents = {
        c.person.pk: {"answer": "consented", "given_on": TODAY()}
        for c in measure_selectors.consenters(case_a.case, on=TODAY())
    }
    order = measure_services.measure_record(
        user=worker_a,
        case=case_a.case,
        kind="care_order",
        decision_body="senior_official",
        decided_on=TODAY(),
        started_on=TODAY(),
        consents=consents,
    )
    order = measure_services.measure_end(user=worker_a, measure=order, ended_on=TODAY())
    d = draft_for(
        case_a.case, worker_a, kind="care_order_end", measure=order, decider=senior_a, carer_view=""
    )
    errors = _errors(lambda: _sign(d, senior_a))
    assert "substitute-care place" in errors["carer_view"][0]
    d = _update(d, worker_a, carer_view="Lastenkoti tukee kotiinpaluuta.")
    assert _sign(d, senior_a).carer_view == "Lastenkoti tukee kotiinpaluuta."


def test_whoever_decided_the_emergency_placement_does_not_decide_its_extension(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    placement = emergency_placement(case_a.case, worker_a)
    assert signed_for(case_a.case, worker_a, measure=placement).decider == worker_a
    extended = measure_services.emergency_placement_extend(
        user=worker_a, measure=placement, decided_on=TODAY()
    )
    kind = "emergency_placement_extension"
    errors = _errors(lambda: draft_for(case_a.case, worker_a, measure=extended, kind=kind))
    assert errors["decider"] == [
        "Whoever decided the emergency placement does not decide its extension: choose another "
        "decider."
    ]
    deciders = selectors.deciders(case_a.case, kind, extended)
    assert teammate_a in deciders and worker_a not in deciders
    assert worker_a in selectors.deciders(case_a.case, kind)  # another measure's extension
    # The worker prepares it; a colleague decides and signs.
    d = signed_for(case_a.case, worker_a, measure=extended, kind=kind, decider=teammate_a)
    assert d.state == "signed" and d.decider == teammate_a and d.preparer == worker_a


def test_the_placements_decider_named_on_the_extension_before_the_placement_was_signed_cannot_sign(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    placement = emergency_placement(case_a.case, worker_a)
    extended = measure_services.emergency_placement_extend(
        user=worker_a, measure=placement, decided_on=TODAY()
    )
    extension = draft_for(
        case_a.case, worker_a, measure=extended, kind="emergency_placement_extension"
    )
    signed_for(case_a.case, worker_a, measure=placement)
    extension.refresh_from_db()
    errors = _errors(lambda: _sign(extension, worker_a))
    assert errors["decider"][0].startswith("Whoever decided the emergency placement")
    assert Decision.objects.get(pk=extension.pk).state == "draft"
