"""A family's contact details on its case, and corrections with history: a phone number,
e-mail or further address is recorded once and then changed only by a correction with a
reason (the old value kept); family relations are corrected the same way."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.casework import contact_services
from monia.casework.models import ChronologyEvent
from monia.conftest import CaseWorld, child_create, login
from monia.people.models import (
    ContactDetail,
    ContactDetailCorrection,
    Person,
    PersonCorrection,
    Relationship,
    RelationshipCorrection,
)
from monia.people.services import relationship_create

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _mother(cw: CaseWorld) -> Person:
    return Person.objects.get(ties_from__to_person=cw.case.child)


def test_a_phone_number_is_added_and_shown_with_the_family(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = _mother(case_a)
    client = login("worker_a", "en")
    url = reverse("contact_detail_new", args=[case_a.case.pk, mother.pk])
    response = client.post(url, {"kind": "phone", "value": "+358 40 123 4567", "note": "työ"})
    assert response.status_code == 302
    assert response["Location"] == reverse("case_contacts", args=[case_a.case.pk])
    detail = ContactDetail.objects.get(person=mother)
    assert (detail.kind, detail.value, detail.added_by) == ("phone", "+358 40 123 4567", worker_a)
    page = client.get(response["Location"]).content.decode()
    assert "+358 40 123 4567" in page and "(työ)" in page
    assert ChronologyEvent.objects.filter(case=case_a.case, kind="contact_changed").exists()
    assert AccessLog.objects.filter(purpose="case_contacts", user=worker_a).count() == 1


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("phone", "soita illalla", "Give the phone number with digits only"),
        ("phone", "12", "Give the phone number with digits only"),
        ("email", "maija(at)example", "Give the e-mail address in the form"),
        ("address", "   ", "This field is required."),
    ],
)
def test_a_bad_contact_detail_is_refused_with_what_was_typed_kept(
    case_a: CaseWorld, worker_a: Any, kind: str, value: str, message: str
) -> None:
    mother = _mother(case_a)
    url = reverse("contact_detail_new", args=[case_a.case.pk, mother.pk])
    response = login("worker_a", "en").post(url, {"kind": kind, "value": value, "note": "koti"})
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert 'value="koti"' in html
    assert not ContactDetail.objects.exists()


def test_a_contact_detail_is_corrected_with_a_reason_and_the_old_value_kept(
    case_a: CaseWorld, worker_a: Any
) -> None:
    mother = _mother(case_a)
    detail = contact_services.case_contact_detail_add(
        user=worker_a, case=case_a.case, person=mother, kind="email", value="maija@example.fi"
    )
    url = reverse("contact_detail_correct", args=[case_a.case.pk, mother.pk, detail.pk])
    client = login("worker_a", "en")
    data = {"kind": "email", "value": "maija.e@example.fi", "reason": ""}
    refused = client.post(url, data)
    assert refused.status_code == 200 and 'value="maija.e@example.fi"' in refused.content.decode()
    assert not ContactDetailCorrection.objects.exists()
    ended = (TODAY() - datetime.timedelta(days=1)).isoformat()
    done = client.post(url, {**data, "valid_until": ended, "reason": "Osoite vaihtui."})
    assert done.status_code == 302
    rows = {c.field: (c.old_value, c.new_value) for c in ContactDetailCorrection.objects.all()}
    assert rows == {
        "value": ("maija@example.fi", "maija.e@example.fi"),
        "valid_until": ("", ended),
    }
    history = client.get(url).content.decode()
    assert "<del>maija@example.fi</del>" in history and "Osoite vaihtui." in history
    contacts = client.get(reverse("case_contacts", args=[case_a.case.pk])).content.decode()
    assert "No longer in use" in contacts  # ended yesterday, kept in the record


def test_nothing_changed_is_not_a_correction(case_a: CaseWorld, worker_a: Any) -> None:
    mother = _mother(case_a)
    detail = contact_services.case_contact_detail_add(
        user=worker_a, case=case_a.case, person=mother, kind="phone", value="040 111 2222"
    )
    url = reverse("contact_detail_correct", args=[case_a.case.pk, mother.pk, detail.pk])
    page = login("worker_a", "en").post(
        url, {"kind": "phone", "value": "040 111 2222", "reason": "Tarkistettu."}
    )
    assert "Nothing was changed" in page.content.decode()
    assert not ContactDetailCorrection.objects.exists()


def test_another_persons_contact_detail_is_404(
    case_a: CaseWorld, worker_a: Any, world: Any
) -> None:
    stranger = child_create(world.county_a, first="Vieras", number=933)
    detail = ContactDetail.objects.create(
        person=stranger, kind="phone", value="040 999 0000", added_by=worker_a
    )
    client = login("worker_a")
    mother = _mother(case_a)
    assert (
        client.get(
            reverse("contact_detail_correct", args=[case_a.case.pk, mother.pk, detail.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("contact_detail_new", args=[case_a.case.pk, stranger.pk])).status_code
        == 404
    )


def test_the_interpreter_need_is_corrected_with_the_persons_details(
    case_a: CaseWorld, worker_a: Any
) -> None:
    child = case_a.case.child
    url = reverse("person_correct", args=[case_a.case.pk, child.pk])
    response = login("worker_a", "en").post(
        url,
        {
            "first_names": child.first_names,
            "last_name": child.last_name,
            "identity_code": child.identity_code,
            "gender": child.gender,
            "language": child.language,
            "interpreter_needed": "on",
            "reason": "Lapsi tarvitsee tulkin.",
        },
    )
    assert response.status_code == 302
    row = PersonCorrection.objects.get(person=child, field="interpreter_needed")
    assert (row.old_value, row.new_value) == ("False", "True")


# --- Family relations ------------------------------------------------------------------------


def _tie(cw: CaseWorld) -> Relationship:
    return Relationship.objects.get(to_person=cw.case.child, from_person=_mother(cw))


def test_a_family_relation_is_corrected_with_a_reason_and_the_old_values_kept(
    case_a: CaseWorld, worker_a: Any
) -> None:
    tie = _tie(case_a)
    url = reverse("relationship_correct", args=[case_a.case.pk, tie.pk])
    client = login("worker_a", "en")
    data = {"kind": "adoptive_parent", "is_guardian": "on", "reason": ""}
    refused = client.post(url, data)
    assert refused.status_code == 200 and not RelationshipCorrection.objects.exists()
    done = client.post(url, {**data, "reason": "Adoptio, ei biologinen vanhempi."})
    assert done.status_code == 302
    tie.refresh_from_db()
    assert (tie.kind, tie.is_guardian, tie.lives_with) == ("adoptive_parent", True, False)
    rows = {c.field: (c.old_value, c.new_value) for c in tie.corrections.all()}
    assert rows == {
        "kind": ("biological_parent", "adoptive_parent"),
        "lives_with": ("True", "False"),
    }
    history = client.get(url).content.decode()
    assert "<del>Biological parent</del>" in history and "<ins>Adoptive parent</ins>" in history
    event = ChronologyEvent.objects.get(case=case_a.case, kind="relationship_corrected")
    assert event.detail == "Maija Esimerkki – Aino Esimerkki"
    case_page = client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    assert url in case_page


def test_a_relation_already_recorded_is_not_made_twice(case_a: CaseWorld, worker_a: Any) -> None:
    mother, child, tie = _mother(case_a), case_a.case.child, _tie(case_a)
    relationship_create(from_person=mother, to_person=child, kind="foster_parent")
    url = reverse("relationship_correct", args=[case_a.case.pk, tie.pk])
    page = login("worker_a", "en").post(
        url, {"kind": "foster_parent", "is_guardian": "on", "lives_with": "on", "reason": "x"}
    )
    assert "This relationship is already recorded." in page.content.decode()


def test_a_relation_outside_the_childs_family_is_404(
    case_a: CaseWorld, worker_a: Any, world: Any
) -> None:
    a = child_create(world.county_a, first="Vieras", number=934)
    b = child_create(world.county_a, first="Toinen", number=935)
    tie = relationship_create(from_person=a, to_person=b, kind="sibling")
    url = reverse("relationship_correct", args=[case_a.case.pk, tie.pk])
    assert login("worker_a").get(url).status_code == 404


# --- Query counts ----------------------------------------------------------------------------


def _grow(cw: CaseWorld, worker: Any, world: Any, *, start: int, n: int) -> None:
    """``n`` relatives, each with a phone number and an e-mail; one protected."""
    for i in range(start, start + n):
        relative = child_create(world.county_a, first=f"Sisar{i}", years=12, number=960 + i)
        relationship_create(from_person=relative, to_person=cw.case.child, kind="sibling")
        for kind, value in (("phone", f"040 100 00{i:02}"), ("email", f"s{i}@example.fi")):
            contact_services.case_contact_detail_add(
                user=worker, case=cw.case, person=relative, kind=kind, value=value
            )
        if i % 2:
            contact_services.case_non_disclosure_set(
                user=worker, case=cw.case, person=relative, marked=True, since=TODAY(), reason="x"
            )


def test_the_contacts_page_does_not_grow_with_the_family(
    case_a: CaseWorld, worker_a: Any, world: Any, django_assert_num_queries: Any
) -> None:
    client = login("worker_a")
    url = reverse("case_contacts", args=[case_a.case.pk])
    _grow(case_a, worker_a, world, start=0, n=2)
    client.get(url)  # one-time caches (sessions, translations)
    with django_assert_num_queries(10) as small:
        before = client.get(url).content.decode().count('class="panel contact-card"')
    _grow(case_a, worker_a, world, start=2, n=4)
    with django_assert_num_queries(10) as large:
        after = client.get(url).content.decode().count('class="panel contact-card"')
    assert (before, after) == (4, 8)  # the child, the mother and the relatives
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize("name", ["contact_detail_correct", "relationship_correct"])
def test_a_correction_page_does_not_grow_with_its_history(
    case_a: CaseWorld, worker_a: Any, name: str, django_assert_num_queries: Any
) -> None:
    mother = _mother(case_a)
    detail = contact_services.case_contact_detail_add(
        user=worker_a, case=case_a.case, person=mother, kind="phone", value="040 200 0000"
    )
    tie = _tie(case_a)
    args = (
        [case_a.case.pk, mother.pk, detail.pk]
        if name == "contact_detail_correct"
        else [case_a.case.pk, tie.pk]
    )
    url = reverse(name, args=args)

    def grow(start: int, n: int) -> None:
        for i in range(start, start + n):
            if name == "contact_detail_correct":
                contact_services.case_contact_detail_correct(
                    user=worker_a,
                    case=case_a.case,
                    detail=detail,
                    reason=f"Korjaus {i}",
                    values={"value": f"040 200 00{i:02}", "note": f"huom {i}"},
                )
            else:
                tie.refresh_from_db()
                contact_services.case_relationship_correct(
                    user=worker_a,
                    case=case_a.case,
                    relationship=tie,
                    reason=f"Korjaus {i}",
                    values={"lives_with": not tie.lives_with},
                )

    client = login("worker_a")
    grow(0, 1)
    client.get(url)
    with django_assert_num_queries(11 if name == "contact_detail_correct" else 9) as small:
        client.get(url)
    grow(1, 3)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(url).content.decode()
    assert html.split('id="history-h"')[1].split("</section>")[0].count("<li>") >= 4
