"""Non-disclosure for personal safety (turvakielto): a protected address, municipality and
phone number never reach the other guardian's portal, a printout or PDF, an export or an API
answer; on staff pages only those with the need to know see them, each read logged.

Each leak test first shows the same page or answer holding the address while it is not
protected — so the search of the response bytes is known to find it when it is there.
"""

from __future__ import annotations

import base64
import datetime
import re
import zlib
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.access.models import AccessLog
from monia.accounts.services import api_token_create
from monia.casework import contact_services
from monia.casework.models import ChronologyEvent
from monia.conftest import CaseWorld, login, portal_client
from monia.people import hetu
from monia.people import services as people_services
from monia.people.models import Person, PersonCorrection
from monia.people.services import person_create, relationship_create
from monia.systemic.tests.test_minutes import pdf_text

pytestmark = pytest.mark.django_db

ADDRESS = "Piilopolku 7 B 12"
TOWN = "Salaseutu"
PHONE = "040 765 4321"
SECRETS = (ADDRESS, TOWN, PHONE)
TODAY = timezone.localdate


@dataclass
class Family:
    cw: CaseWorld
    child: Person  # Aino, 9: lives with her mother
    mother: Person  # Maija: guardian, lives with Aino
    father: Person  # Pekka: the other guardian, lives elsewhere


@pytest.fixture
def family(case_a: CaseWorld, worker_a: Any) -> Family:
    child = case_a.case.child
    mother = Person.objects.get(ties_from__to_person=child)
    father = person_create(
        county=child.county,
        first_names="Pekka",
        last_name="Esimerkki",
        identity_code=hetu.make_synthetic(datetime.date(1983, 3, 3), 951),
    )
    relationship_create(
        from_person=father, to_person=child, kind="biological_parent", is_guardian=True
    )
    for person in (child, mother):
        people_services.person_correct(
            user=worker_a,
            person=person,
            reason="Väestötietojärjestelmän mukaan.",
            values={"address": f"{ADDRESS}, 40100 {TOWN}", "municipality": TOWN},
        )
    people_services.person_correct(
        user=worker_a,
        person=father,
        reason="Väestötietojärjestelmän mukaan.",
        values={"address": "Avoin katu 1, 40200 Avoinkylä", "municipality": "Avoinkylä"},
    )
    contact_services.case_contact_detail_add(
        user=worker_a, case=case_a.case, person=mother, kind="phone", value=PHONE
    )
    return Family(cw=case_a, child=child, mother=mother, father=father)


def protect(family: Family, worker: Any) -> None:
    """The population register shows non-disclosure for Aino and her mother."""
    for person in (family.child, family.mother):
        contact_services.case_non_disclosure_set(
            user=worker,
            case=family.cw.case,
            person=person,
            marked=True,
            since=TODAY() - datetime.timedelta(days=3),
            reason="Väestötietojärjestelmässä turvakielto.",
        )


def _leaks(content: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode() in content or s in _text_of(content)]


_STREAM = re.compile(rb"(\d+ 0 obj\s*<<)(.*?)(>>\s*stream\r?\n)(.*?)(endstream)", re.S)


def _text_of(content: bytes) -> str:
    """The text of a response: a PDF's text read back from its (decompressed) streams,
    anything else decoded as it is."""
    if not content.startswith(b"%PDF"):
        return content.decode(errors="replace")

    def inflate(m: re.Match[bytes]) -> bytes:
        head, data = m[2], m[4].strip()
        if b"/ASCII85Decode" in head:
            data = base64.a85decode(data.removesuffix(b"~>"))
        if b"/FlateDecode" in head:
            data = zlib.decompress(data)
        return (
            m[1] + re.sub(rb"/Filter\s*\[[^\]]*\]|/Filter\s*/\w+", b"", head) + m[3] + data + m[5]
        )

    return pdf_text(_STREAM.sub(inflate, content))


def _api(user: Any) -> Client:
    _token, raw = api_token_create(user=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


# --- What goes to someone else: the portal, printouts, exports, the API ----------------------


def test_the_other_guardians_portal_shows_the_childs_address_until_non_disclosure_hides_it(
    family: Family, worker_a: Any
) -> None:
    url = reverse("portal_case", args=[family.cw.case.pk])
    father = portal_client(family.father, language="en")
    assert ADDRESS.encode() in father.get(url).content
    protect(family, worker_a)
    page = father.get(url)
    assert page.status_code == 200 and _leaks(page.content) == []
    assert "The address is not shown here." in page.content.decode()
    assert "Avoin katu 1" in page.content.decode()  # his own, as the workers have it


def test_a_protected_mother_reads_her_own_details_in_the_portal(
    family: Family, worker_a: Any
) -> None:
    protect(family, worker_a)
    page = portal_client(family.mother, language="en").get(
        reverse("portal_case", args=[family.cw.case.pk])
    )
    html = page.content.decode()
    assert ADDRESS in html and PHONE in html  # her own data
    assert "The address is not shown here." in html  # Aino's is Aino's


def test_the_plan_printout_and_pdf_never_hold_a_protected_address(
    family: Family, worker_a: Any
) -> None:
    """Even printed by the designated worker, who sees the address on the staff pages: the
    plan goes to the family."""
    client = login("worker_a", "en")
    pdf_url = reverse("plan_pdf", args=[family.cw.case.pk])
    read_url = reverse("plan_read", args=[family.cw.case.pk])
    assert ADDRESS in _text_of(client.get(pdf_url).content)
    assert ADDRESS in client.get(read_url).content.decode()
    protect(family, worker_a)
    pdf = client.get(pdf_url).content
    assert _leaks(pdf) == [] and "Turvakielto" in _text_of(pdf)  # a PDF is in fi or sv
    assert _leaks(client.get(read_url).content) == []


@pytest.mark.parametrize(
    "name", ["plan_pdf", "plan_read", "genogram_pdf", "genogram_svg", "ecomap_pdf", "ecomap_svg"]
)
def test_no_export_of_the_case_holds_a_protected_address(
    family: Family, worker_a: Any, name: str
) -> None:
    protect(family, worker_a)
    response = login("worker_a").get(reverse(name, args=[family.cw.case.pk]))
    assert response.status_code == 200 and _leaks(response.content) == []


def test_the_api_never_answers_with_a_protected_address(family: Family, worker_a: Any) -> None:
    url = f"/api/v1/cases/{family.cw.case.pk}"
    child = _api(worker_a).get(url).json()["child"]
    assert (child["address"], child["municipality"]) == (f"{ADDRESS}, 40100 {TOWN}", TOWN)
    protect(family, worker_a)
    response = _api(worker_a).get(url)
    assert _leaks(response.content) == []
    child = response.json()["child"]
    assert child["non_disclosure"] is True
    assert (child["address"], child["municipality"], child["contact_details"]) == ("", "", [])


# --- Staff: the need to know ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("worker_a", True),  # the designated worker
        ("teammate_a", True),  # a qualified social worker of the team
        ("family_worker_a", False),
        ("senior_a", False),
        ("coordinator_a", False),
    ],
)
def test_only_staff_with_the_need_see_a_protected_address_and_each_read_is_logged(
    family: Family, worker_a: Any, persona: str, sees: bool, request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(persona)
    protect(family, worker_a)
    client = login(persona, "en")
    page = client.get(reverse("case_contacts", args=[family.cw.case.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Avoin katu 1" in html  # the father is not protected
    logged = AccessLog.objects.filter(user=user, purpose="protected_contact")
    if sees:
        assert ADDRESS in html and PHONE in html
        assert sorted(logged.values_list("person_id", flat=True)) == sorted(
            [family.child.pk, family.mother.pk]
        )
    else:
        assert _leaks(page.content) == []
        assert "are not shown to you" in html
        assert not logged.exists()
    case_page = client.get(reverse("case_detail", args=[family.cw.case.pk]))
    assert (TOWN in case_page.content.decode()) is sees


def test_the_case_page_warns_everyone_who_sees_the_case(
    family: Family, worker_a: Any, family_worker_a: Any
) -> None:
    protect(family, worker_a)
    html = (
        login("family_worker_a", "en")
        .get(reverse("case_detail", args=[family.cw.case.pk]))
        .content.decode()
    )
    warning = html.split('class="safety-notice" role="alert"')[1].split("</div>")[0]
    assert "Non-disclosure for personal safety" in warning
    assert "Aino Esimerkki" in warning and "Maija Esimerkki" in warning
    assert "Pekka" not in warning


def test_pages_that_show_or_change_a_protected_persons_details_are_404_without_the_need(
    family: Family, worker_a: Any, family_worker_a: Any
) -> None:
    protect(family, worker_a)
    case, mother = family.cw.case, family.mother
    detail = mother.contact_details.get()
    client = login("family_worker_a", "en")
    for url in (
        reverse("contact_detail_new", args=[case.pk, mother.pk]),
        reverse("contact_detail_correct", args=[case.pk, mother.pk, detail.pk]),
        reverse("non_disclosure_set", args=[case.pk, mother.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert (
            client.post(url, {"kind": "phone", "value": "040 1", "reason": "x"}).status_code == 404
        )
    # Her other details can still be corrected; the address is neither shown nor changed.
    correct = reverse("person_correct", args=[case.pk, mother.pk])
    page = client.get(correct)
    assert page.status_code == 200 and _leaks(page.content) == []
    assert 'name="address"' not in page.content.decode()
    client.post(
        correct,
        {
            "first_names": "Maija",
            "last_name": "Esimerkki",
            "identity_code": mother.identity_code,
            "gender": "female",
            "language": "fi",
            "address": "Vuotokatu 1",
            "reason": "Sukupuoli puuttui.",
        },
    )
    mother.refresh_from_db()
    assert mother.gender == "female" and mother.address.startswith(ADDRESS)


def test_the_history_and_chronology_never_show_a_protected_address_without_the_need(
    family: Family, worker_a: Any, family_worker_a: Any
) -> None:
    protect(family, worker_a)
    client = login("family_worker_a", "en")
    case = family.cw.case
    history = client.get(reverse("person_correct", args=[case.pk, family.child.pk]))
    assert _leaks(history.content) == []
    assert "Non-disclosure for personal safety" in history.content.decode()  # the marking
    chronology = client.get(reverse("case_chronology", args=[case.pk]))
    assert _leaks(chronology.content) == []
    mine = login("worker_a").get(reverse("person_correct", args=[case.pk, family.child.pk]))
    assert ADDRESS in mine.content.decode()  # the designated worker sees the history


# --- Marking and removing --------------------------------------------------------------------


def test_non_disclosure_is_marked_with_a_reason_kept_in_the_history(
    family: Family, worker_a: Any
) -> None:
    url = reverse("non_disclosure_set", args=[family.cw.case.pk, family.father.pk])
    client = login("worker_a", "en")
    since = (TODAY() - datetime.timedelta(days=1)).isoformat()
    missing = client.post(url, {"marked": "yes", "since": since, "reason": ""})
    assert missing.status_code == 200 and f'value="{since}"' in missing.content.decode()
    family.father.refresh_from_db()
    assert not family.father.non_disclosure
    done = client.post(url, {"marked": "yes", "since": since, "reason": "DVV:n tieto."})
    assert done.status_code == 302
    family.father.refresh_from_db()
    assert family.father.non_disclosure and family.father.non_disclosure_marked_by == worker_a
    row = PersonCorrection.objects.get(person=family.father, field="non_disclosure")
    assert (row.old_value, row.new_value, row.reason) == ("False", "True", "DVV:n tieto.")
    event = ChronologyEvent.objects.get(case=family.cw.case, kind="non_disclosure_marked")
    assert event.detail == "Pekka Esimerkki"
    again = client.post(url, {"marked": "yes", "since": since, "reason": "Uudelleen."})
    assert "already marked" in again.content.decode()  # a page sent twice undoes nothing
    removed = client.post(url, {"marked": "no", "reason": "Turvakielto päättyi DVV:ssä."})
    assert removed.status_code == 302
    family.father.refresh_from_db()
    assert not family.father.non_disclosure and family.father.non_disclosure_since is None


def test_a_marking_cannot_be_dated_in_the_future(family: Family, worker_a: Any) -> None:
    url = reverse("non_disclosure_set", args=[family.cw.case.pk, family.father.pk])
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    page = login("worker_a", "en").post(url, {"marked": "yes", "since": tomorrow, "reason": "x"})
    assert "The date cannot be in the future." in page.content.decode()
    assert not Person.objects.get(pk=family.father.pk).non_disclosure
