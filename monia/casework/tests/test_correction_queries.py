"""The correction pages cost the same queries with N corrections in their history as with
3N: a child's and a family member's details, and an intake's text and notifier."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from monia.casework import intake_services, person_services
from monia.conftest import CaseWorld, login
from monia.people.models import Person

N = 2
GENDERS = ("female", "other")


def _grow_person(
    case_a: CaseWorld, person: Person, users: list[Any], *, start: int, n: int
) -> None:
    """``n`` rounds of corrections, each of three fields, by the users in turn."""
    for i in range(start, start + n):
        person_services.case_person_correct(
            user=users[i % len(users)],
            case=case_a.case,
            person=person,
            reason=f"Väestötietojärjestelmän mukaan, korjaus {i}.",
            values={
                "first_names": f"{person.first_names.split()[0]} Korjattu{i}",
                "municipality": f"Kunta {i}",
                "gender": GENDERS[i % 2],
            },
        )
        person.refresh_from_db()


def _grow_intake(case_a: CaseWorld, users: list[Any], *, start: int, n: int) -> None:
    intake = case_a.pending_intake
    for i in range(start, start + n):
        intake_services.intake_correct(
            user=users[i % len(users)],
            intake=intake,
            reason=f"Kirjoitusvirhe {i}.",
            values={
                "content": f"Poissaoloja koulusta, korjattu {i}.",
                "notifier_name": f"Opettaja {i}",
            },
        )


def _history(html: str) -> int:
    return html.split('id="history-h"')[1].split("</section>")[0].count("<li>")


def _pin(client: Any, url: str, grow: Any, count: int, assert_num: Any) -> None:
    grow(start=0, n=N)
    client.get(url)  # one-time caches (sessions, translations)
    with assert_num(count) as small:
        before = _history(client.get(url).content.decode())
    grow(start=N, n=2 * N)
    with assert_num(count) as large:
        after = _history(client.get(url).content.decode())
    assert after == 3 * before and before > 0
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_childs_correction_history_does_not_grow_the_page(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    child = case_a.case.child
    url = reverse("person_correct", args=[case_a.case.pk, child.pk])

    def grow(*, start: int, n: int) -> None:
        _grow_person(case_a, child, [worker_a, teammate_a], start=start, n=n)

    _pin(login("teammate_a"), url, grow, 8, django_assert_num_queries)


def test_a_family_members_correction_history_does_not_grow_the_page(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    parent = Person.objects.get(ties_from__to_person=case_a.case.child)
    url = reverse("person_correct", args=[case_a.case.pk, parent.pk])

    def grow(*, start: int, n: int) -> None:
        _grow_person(case_a, parent, [worker_a, teammate_a], start=start, n=n)

    _pin(login("worker_a"), url, grow, 9, django_assert_num_queries)


def test_an_intakes_correction_history_does_not_grow_the_page(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    url = reverse("intake_correct", args=[case_a.case.pk, case_a.pending_intake.pk])

    def grow(*, start: int, n: int) -> None:
        _grow_intake(case_a, [worker_a, teammate_a], start=start, n=n)

    _pin(login("worker_a"), url, grow, 9, django_assert_num_queries)
