"""Expert group rules: consent needs who consented, a pseudonym hides the child's name,
a statement is dated no earlier than the session."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from monia.conftest import CaseWorld
from monia.experts import services
from monia.experts.models import ExpertCase, ExpertSession
from monia.systemic import timeline

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def session(world: Any) -> ExpertSession:
    group = services.expert_group_create(county=world.county_a, name="Asiantuntijaryhmä")
    services.expert_member_add(group=group, name="Lakimies Laura", expertise="law")
    return services.expert_session_create(group=group, held_on=TODAY, location="Kuopio")


def _present(session: ExpertSession, case_a: CaseWorld, worker_a: Any, **kw: Any) -> ExpertCase:
    data: dict[str, Any] = {"mode": "pseudonymised", "pseudonym": "Tyttö, 9", "question": "Q?"}
    data.update(kw)
    return services.expert_case_present(user=worker_a, session=session, case=case_a.case, **data)


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(exc.value.message_dict)


def test_consent_requires_who_consented(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    with pytest.raises(ValidationError) as exc:
        _present(session, case_a, worker_a, mode="consent", pseudonym="", consent_given_by=" ")
    assert _errors(exc) == {"consent_given_by"}
    assert not ExpertCase.objects.exists()


def test_consented_case_keeps_who_consented_and_no_pseudonym(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    ec = _present(session, case_a, worker_a, mode="consent", consent_given_by="Maija, huoltaja")
    assert ec.consent_given_by == "Maija, huoltaja" and ec.pseudonym == ""
    assert ec.presented_by == worker_a


def test_pseudonymised_case_needs_a_pseudonym(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    with pytest.raises(ValidationError) as exc:
        _present(session, case_a, worker_a, pseudonym="")
    assert _errors(exc) == {"pseudonym"}


@pytest.mark.parametrize("pseudonym", ["Aino 9 v", "esimerkki", "Tyttö (Esimerkki)", "Ainon"])
def test_pseudonym_may_not_contain_the_childs_name(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any, pseudonym: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        _present(session, case_a, worker_a, pseudonym=pseudonym)
    assert _errors(exc) == {"pseudonym"}


def test_pseudonymised_question_may_not_name_the_child(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    with pytest.raises(ValidationError) as exc:
        _present(session, case_a, worker_a, question="Tarvitseeko Aino sijoitusta?")
    assert _errors(exc) == {"question"}


def test_session_of_another_county_is_refused(world: Any, case_a: CaseWorld, worker_a: Any) -> None:
    group = services.expert_group_create(county=world.county_b, name="B:n ryhmä")
    other = services.expert_session_create(group=group, held_on=TODAY, location="Kajaani")
    with pytest.raises(ValidationError) as exc:
        _present(other, case_a, worker_a)
    assert _errors(exc) == {"session"}


def test_a_case_is_presented_once_per_session(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    _present(session, case_a, worker_a)
    with pytest.raises(ValidationError):
        _present(session, case_a, worker_a, pseudonym="Toinen")


def test_database_refuses_a_named_case_without_consent(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    with pytest.raises(IntegrityError):
        ExpertCase.objects.create(
            session=session, case=case_a.case, presented_by=worker_a, mode="consent", question="Q"
        )


def test_statement_is_stored_on_the_case_and_shown_on_its_timeline(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any, family_worker_a: Any
) -> None:
    ec = _present(session, case_a, worker_a)
    services.expert_statement_record(
        user=family_worker_a, expert_case=ec, statement="Avohuollon tuki riittää.", given_on=TODAY
    )
    stored = case_a.case.expert_consultations.get()
    assert stored.statement == "Avohuollon tuki riittää."
    assert stored.statement_given_on == TODAY
    assert stored.statement_recorded_by == family_worker_a
    details = [e.detail for e in timeline.case_timeline(case_a.case) if e.kind == "expert"]
    assert "Avohuollon tuki riittää." in details


def test_statement_cannot_predate_the_session_or_be_empty(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    ec = _present(session, case_a, worker_a)
    with pytest.raises(ValidationError) as exc:
        services.expert_statement_record(
            user=worker_a,
            expert_case=ec,
            statement=" ",
            given_on=TODAY - datetime.timedelta(days=1),
        )
    assert _errors(exc) == {"statement", "given_on"}


def test_statement_of_a_pseudonymised_case_may_not_name_the_child(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    ec = _present(session, case_a, worker_a)
    with pytest.raises(ValidationError) as exc:
        services.expert_statement_record(
            user=worker_a, expert_case=ec, statement="Ainolle tukihenkilö", given_on=TODAY
        )
    assert _errors(exc) == {"statement"}


def test_session_needs_a_place_or_a_link(world: Any) -> None:
    group = services.expert_group_create(county=world.county_a, name="Ryhmä")
    with pytest.raises(ValidationError):
        services.expert_session_create(group=group, held_on=TODAY)
    remote = services.expert_session_create(
        group=group, held_on=TODAY, remote_link="https://meet.example.fi/abc"
    )
    assert remote.location == ""


@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöå", min_size=2, max_size=12))
def test_names_in_finds_the_name_as_a_word_in_any_case(word: str) -> None:
    class _Child:
        first_names, last_name, identity_code = word, "Virtanen", ""

    class _Case:
        child = _Child()

    case: Any = _Case()
    assert services.names_in(f"lapsi {word.upper()}, 9 v", case)
    assert not services.names_in(f"lapsi x{word}x", case)
