"""Family members are recorded as persons with ties to the child, for genograms later."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from monia.casework import services
from monia.conftest import PASSWORD, CaseWorld, login
from monia.people.models import Person, Relationship


def test_guardian_is_recorded_apart_from_biology(case_a: CaseWorld, worker_a: Any) -> None:
    step = services.family_member_add(
        user=worker_a,
        case=case_a.case,
        kind="step_parent",
        first_names="Kalle",
        last_name="Uusi",
        is_guardian=False,
        lives_with=True,
    ).person
    tie = Relationship.objects.get(from_person=step, to_person=case_a.case.child)
    assert (tie.kind, tie.is_guardian, tie.lives_with) == ("step_parent", False, True)
    assert case_a.case.events.filter(kind="family_member_added").exists()


def test_family_member_with_bad_identity_code_saves_nothing(
    case_a: CaseWorld, worker_a: Any
) -> None:
    before = Person.objects.count()
    with pytest.raises(ValidationError):
        services.family_member_add(
            user=worker_a,
            case=case_a.case,
            kind="biological_parent",
            first_names="Pekka",
            last_name="Virhe",
            identity_code="010180-900X",
        )
    assert Person.objects.count() == before


def test_a_malformed_code_and_a_future_birth_date_are_told_together_on_the_page(
    case_a: CaseWorld, worker_a: Any
) -> None:
    client = login("worker_a", "en")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    before = Person.objects.count()
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            services.family_member_add(
                user=worker_a,
                case=case_a.case,
                kind="biological_parent",
                first_names="Pekka",
                last_name="Virhe",
                identity_code="0101A900",
                birth_date=tomorrow,
            )
    assert refused.value.message_dict == {
        "identity_code": ["The identity code must look like DDMMYYCZZZQ, for example 010115A901C."],
        "birth_date": ["The date of birth cannot be in the future."],
    }
    response = client.post(
        reverse("family_member_new", args=[case_a.case.pk]),
        {
            "kind": "biological_parent",
            "first_names": "Pekka",
            "last_name": "Virhe",
            "identity_code": "0101A900",
            "birth_date": tomorrow.isoformat(),
            "gender": "male",
            "language": "fi",
        },
    )
    form = response.context["form"]
    assert form.errors["identity_code"] == [
        "The identity code must look like DDMMYYCZZZQ, for example 010115A901C."
    ]
    assert form.errors["birth_date"] == ["The date of birth cannot be in the future."]
    assert Person.objects.count() == before


def test_family_member_page_adds_a_relative(case_a: CaseWorld, worker_a: Any) -> None:
    client = Client()
    client.login(username="worker_a", password=PASSWORD)
    response = client.post(
        reverse("family_member_new", args=[case_a.case.pk]),
        {
            "kind": "grandparent",
            "first_names": "Helmi",
            "last_name": "Mummo",
            "gender": "female",
            "language": "fi",
        },
    )
    assert response.status_code == 302
    assert (
        "Helmi Mummo" in client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    )


def test_a_parent_speaking_another_language_is_recorded_with_it_and_the_interpreter_need(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """Asiakaslaki 812/2000 4 §: the client's language is taken into account; a parent
    who speaks Arabic and needs an interpreter is recorded so from the first form."""
    url = reverse("family_member_new", args=[case_a.case.pk])
    details = {
        "kind": "biological_parent",
        "first_names": "Amal",
        "last_name": "Haddad",
        "gender": "female",
        "language": "other",
        "is_guardian": "on",
    }
    client = login("worker_a")

    unnamed = client.post(url, details)
    assert unnamed.status_code == 200
    assert unnamed.context["form"].errors["other_language"] == ["Kirjoita kielen nimi."]
    assert not Person.objects.filter(last_name="Haddad").exists()

    response = client.post(url, {**details, "other_language": "arabia", "interpreter_needed": "on"})
    assert response.status_code == 302
    parent = Person.objects.get(last_name="Haddad")
    assert (parent.language, parent.other_language, parent.interpreter_needed) == (
        "other",
        "arabia",
        True,
    )
    # The case page tells whoever invites her that she needs an interpreter.
    page = client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert "Amal Haddad" in page
    assert "Muu (arabia) · <strong>tarvitsee tulkin</strong>" in page
