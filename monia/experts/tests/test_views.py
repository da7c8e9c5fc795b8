"""Expert group pages: county-scoped, a pseudonym never reveals the child, named children
are logged, forms call the services, query counts stay flat."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from monia.access.models import AccessLog
from monia.conftest import CaseWorld, child_create, notification
from monia.conftest import login as _login
from monia.experts import services
from monia.experts.models import ExpertCase, ExpertSession

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def session(world: Any) -> ExpertSession:
    group = services.expert_group_create(county=world.county_a, name="Asiantuntijaryhmä A")
    services.expert_member_add(
        group=group, name="Psykologi Pirjo", organisation="Perheneuvola", expertise="psychiatry"
    )
    return services.expert_session_create(group=group, held_on=TODAY, location="Kuopio")


def _present(session: ExpertSession, case: Any, user: Any, **kw: Any) -> ExpertCase:
    data: dict[str, Any] = {"mode": "pseudonymised", "pseudonym": "Tyttö, 9", "question": "Q?"}
    data.update(kw)
    return services.expert_case_present(user=user, session=session, case=case, **data)


def _session_url(session: ExpertSession) -> str:
    return reverse("expert_session", kwargs={"session_id": session.pk})


def test_pseudonymised_case_never_shows_the_childs_name(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any, senior_a: Any
) -> None:
    _present(session, case_a.case, worker_a, question="Onko sijoitus tarpeen?")
    for persona in ("worker_a", "senior_a"):  # even those who may see the case
        html = _login(persona).get(_session_url(session)).content.decode()
        assert "Tyttö, 9" in html and "Onko sijoitus tarpeen?" in html
        assert "Aino" not in html and "Esimerkki" not in html
        assert reverse("case_detail", kwargs={"case_id": case_a.case.pk}) not in html
    assert not AccessLog.objects.filter(purpose="expert_session").exists()


def test_named_case_shows_the_name_and_is_logged(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any
) -> None:
    _present(session, case_a.case, worker_a, mode="consent", consent_given_by="Maija, huoltaja")
    html = _login("worker_a").get(_session_url(session)).content.decode()
    assert "Aino Esimerkki" in html
    log = AccessLog.objects.get(purpose="expert_session")
    assert log.case_id == case_a.case.pk and log.user == worker_a


def test_named_case_of_another_team_shows_neither_name_nor_question(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any, other_team: Any
) -> None:
    _present(
        session,
        case_a.case,
        worker_a,
        mode="consent",
        consent_given_by="Maija",
        question="Riittääkö perhetyö?",
    )
    # (A question of words and a question mark: "Q1" was once found in a random CSRF token.)
    html = _login("other_team").get(_session_url(session)).content.decode()
    assert "Esimerkki" not in html and "Riittääkö perhetyö?" not in html
    assert gettext("A case presented by name by another team") in html
    assert not AccessLog.objects.filter(purpose="expert_session").exists()


@pytest.mark.parametrize("persona", ["other_county", "admin"])
def test_other_county_gets_404(
    session: ExpertSession, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    client = _login(persona)
    assert client.get(_session_url(session)).status_code == 404
    if persona == "admin":
        assert client.get(reverse("expert_groups")).status_code == 404


def test_groups_page_lists_only_the_own_countys_groups(
    session: ExpertSession, world: Any, worker_a: Any, other_county: Any
) -> None:
    group_b = services.expert_group_create(county=world.county_b, name="Ryhmä B")
    services.expert_session_create(group=group_b, held_on=TODAY, location="Kajaani")
    html = _login("worker_a").get(reverse("expert_groups")).content.decode()
    assert "Asiantuntijaryhmä A" in html and "Psykologi Pirjo" in html
    assert "Ryhmä B" not in html and "Kajaani" not in html
    assert '<th scope="col">' in html


def test_session_page_query_count_is_fixed(
    session: ExpertSession,
    world: Any,
    case_a: CaseWorld,
    worker_a: Any,
    django_assert_max_num_queries: Any,
) -> None:
    _present(session, case_a.case, worker_a, mode="consent", consent_given_by="Maija")
    client = _login("worker_a")
    with django_assert_max_num_queries(20) as small:
        client.get(_session_url(session))
    for i in range(4):
        child = child_create(world.county_a, first=f"Lapsi{i}", number=930 + i)
        case = notification(worker_a, child, world.team_a1, at=timezone.now()).case
        if i % 2:
            _present(session, case, worker_a, mode="consent", consent_given_by="Huoltaja")
        else:
            _present(session, case, worker_a, pseudonym=f"Lapsi nro {i}")
    with django_assert_max_num_queries(20) as large:
        assert client.get(_session_url(session)).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_groups_page_query_count_is_fixed(
    session: ExpertSession, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = _login("worker_a")
    with django_assert_max_num_queries(15) as small:
        client.get(reverse("expert_groups"))
    for i in range(3):
        services.expert_member_add(group=session.group, name=f"Jäsen {i}", expertise="health")
        services.expert_session_create(
            group=session.group, held_on=TODAY + datetime.timedelta(days=30 * (i + 1)), location="X"
        )
    with django_assert_max_num_queries(15) as large:
        assert client.get(reverse("expert_groups")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


# --- The case's pages -----------------------------------------------------------------------


def _new_url(case_a: CaseWorld) -> str:
    return reverse("expert_case_new", kwargs={"case_id": case_a.case.pk})


def test_worker_presents_the_case_and_goes_to_the_timeline(
    session: ExpertSession, case_a: CaseWorld
) -> None:
    response = _login("worker_a").post(
        _new_url(case_a),
        {"session": session.pk, "mode": "pseudonymised", "pseudonym": "Poika", "question": "Q?"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("case_timeline", kwargs={"case_id": case_a.case.pk})
    assert case_a.case.expert_consultations.get().pseudonym == "Poika"


def test_the_same_presentation_sent_twice_is_saved_once_without_an_error(
    session: ExpertSession, case_a: CaseWorld
) -> None:
    """A double click, or the form sent again after "Back": the second send finds the first
    presentation and goes on to the timeline, not "already on that session"."""
    data = {"session": session.pk, "mode": "pseudonymised", "pseudonym": "Poika", "question": "Q?"}
    client = _login("worker_a")
    assert client.post(_new_url(case_a), data).status_code == 302
    again = client.post(_new_url(case_a), data)
    assert again.status_code == 302
    assert again["Location"] == reverse("case_timeline", kwargs={"case_id": case_a.case.pk})
    assert case_a.case.expert_consultations.count() == 1
    # Another question on the same session is still refused.
    other = client.post(_new_url(case_a), {**data, "question": "Toinen kysymys?"})
    assert other.status_code == 200 and case_a.case.expert_consultations.count() == 1


def test_consent_without_who_consented_is_refused_on_the_form(
    session: ExpertSession, case_a: CaseWorld
) -> None:
    response = _login("worker_a").post(
        _new_url(case_a), {"session": session.pk, "mode": "consent", "question": "Kysymys"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Kysymys" in html
    assert not ExpertCase.objects.exists()


def test_session_of_another_county_cannot_be_chosen(
    world: Any, case_a: CaseWorld, session: ExpertSession
) -> None:
    group_b = services.expert_group_create(county=world.county_b, name="Ryhmä B")
    other = services.expert_session_create(group=group_b, held_on=TODAY, location="Kajaani")
    response = _login("worker_a").post(
        _new_url(case_a),
        {"session": other.pk, "mode": "pseudonymised", "pseudonym": "P", "question": "Q"},
    )
    assert response.status_code == 200 and not ExpertCase.objects.exists()


def test_presenting_needs_a_deciding_role(
    session: ExpertSession, case_a: CaseWorld, family_worker_a: Any
) -> None:
    assert _login("family_worker_a").get(_new_url(case_a)).status_code == 404


def test_page_without_sessions_says_so(case_a: CaseWorld) -> None:
    html = _login("worker_a").get(_new_url(case_a)).content.decode()
    assert '<form method="post"' not in html.split("</header>")[1]


def _statement_url(case: Any, ec: ExpertCase) -> str:
    return reverse("expert_statement", kwargs={"case_id": case.pk, "expert_case_id": ec.pk})


def test_statement_is_recorded_on_the_case(
    session: ExpertSession, case_a: CaseWorld, worker_a: Any, family_worker_a: Any
) -> None:
    ec = _present(session, case_a.case, worker_a)
    client = _login("family_worker_a")
    response = client.post(
        _statement_url(case_a.case, ec),
        {"statement": "Suositellaan perhekuntoutusta.", "given_on": TODAY.isoformat()},
    )
    assert response.status_code == 302
    ec.refresh_from_db()
    assert ec.statement == "Suositellaan perhekuntoutusta." and ec.statement_given_on == TODAY
    timeline_html = client.get(response["Location"]).content.decode()
    assert "Suositellaan perhekuntoutusta." in timeline_html


def test_statement_page_of_another_cases_consultation_is_404(
    session: ExpertSession, case_a: CaseWorld, world: Any, worker_a: Any
) -> None:
    child = child_create(world.county_a, first="Eetu", number=940)
    other_case = notification(worker_a, child, world.team_a1, at=timezone.now()).case
    ec = _present(session, other_case, worker_a)
    assert _login("worker_a").get(_statement_url(case_a.case, ec)).status_code == 404


@pytest.mark.parametrize("persona", ["other_team", "other_county", "admin"])
def test_other_team_gets_404_on_the_case_pages(
    session: ExpertSession,
    case_a: CaseWorld,
    worker_a: Any,
    persona: str,
    request: pytest.FixtureRequest,
) -> None:
    request.getfixturevalue(persona)
    ec = _present(session, case_a.case, worker_a)
    client = _login(persona)
    assert client.get(_new_url(case_a)).status_code == 404
    assert client.get(_statement_url(case_a.case, ec)).status_code == 404
