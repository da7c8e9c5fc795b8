"""The decision pages: another team's worker gets 404 on every page; only the named
decider signs; the list's queries do not grow with its decisions; a typed form is kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.casework.models import ChronologyEvent
from monia.conftest import CaseWorld, login
from monia.decisions.models import Decision
from monia.decisions.testing import draft_for, emergency_placement, signed_for

pytestmark = pytest.mark.django_db

READ_ONLY = ("decision_list", "decision_detail", "decision_pdf")
PAGES = (
    "decision_detail",
    "decision_edit",
    "decision_pdf",
    "decision_sign",
    "decision_correct",
    "decision_serve",
)


def test_another_teams_worker_gets_404_on_every_page(
    case_a: CaseWorld, worker_a: Any, other_team: Any, other_county: Any
) -> None:
    draft = draft_for(case_a.case, worker_a)
    signed = signed_for(case_a.case, worker_a, kind="support_measure")
    for who in ("other_team", "other_county"):
        client = login(who)
        for name in ("decision_list", "decision_new"):
            url = reverse(name, args=[case_a.case.pk])
            assert client.get(url).status_code == 404, name
            if name not in READ_ONLY:
                assert client.post(url, {}).status_code == 404, name
        for name in PAGES:
            for d in (draft, signed):
                url = reverse(name, args=[case_a.case.pk, d.pk])
                assert client.get(url).status_code == 404, (who, name)
                if name not in READ_ONLY:
                    assert client.post(url, {}).status_code == 404, (who, name)


def test_a_worker_who_is_not_the_decider_cannot_sign(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any, senior_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a, decider=senior_a)
    url = reverse("decision_sign", args=[case_a.case.pk, d.pk])
    for who in ("worker_a", "teammate_a"):
        client = login(who)
        assert client.get(url).status_code == 404
        assert client.post(url, {"lock_version": d.lock_version}).status_code == 404
    d.refresh_from_db()
    assert d.state == "draft"
    response = login("senior_a").post(url, {"lock_version": d.lock_version})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.state == "signed"


def test_a_draft_is_hidden_from_the_coordinator_but_a_signed_one_is_not(
    case_a: CaseWorld, worker_a: Any, coordinator_a: Any
) -> None:
    draft = draft_for(case_a.case, worker_a)
    signed = signed_for(case_a.case, worker_a, kind="support_measure")
    client = login("coordinator_a")
    assert (
        client.get(reverse("decision_detail", args=[case_a.case.pk, draft.pk])).status_code == 404
    )
    page = client.get(reverse("decision_detail", args=[case_a.case.pk, signed.pk]))
    assert page.status_code == 200 and signed.number in page.content.decode()
    listing = client.get(reverse("decision_list", args=[case_a.case.pk])).content.decode()
    assert signed.number in listing and f"/decisions/{draft.pk}/" not in listing


def test_the_worker_writes_a_decision_from_the_measure_row(
    case_a: CaseWorld, worker_a: Any
) -> None:
    client = login("worker_a", "en")
    case_page = client.get(reverse("case_detail", args=[case_a.case.pk])).content.decode()
    new_url = reverse("decision_new", args=[case_a.case.pk]) + f"?measure={case_a.emergency.pk}"
    assert new_url in case_page.replace("&amp;", "&")
    form = client.get(new_url).context["form"]
    response = client.post(
        new_url,
        {
            "kind": "emergency_placement",
            "measure": case_a.emergency.pk,
            "submission_key": form.initial["submission_key"],
        },
    )
    d = Decision.objects.get()
    assert response["Location"] == reverse("decision_edit", args=[case_a.case.pk, d.pk])
    edit = client.get(response["Location"])
    assert edit.status_code == 200 and "Perhekoti" in edit.content.decode()


def test_the_edit_form_keeps_what_was_typed_when_another_window_saved(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    client = login("worker_a", "en")
    url = reverse("decision_edit", args=[case_a.case.pk, d.pk])
    response = client.post(
        url,
        {
            "language": d.language,  # the form's select, as a browser sends it
            "matter": d.matter,
            "decided_on": d.decided_on.isoformat() if d.decided_on else "",
            "reasons": "Perustelut, jotka kirjoitin toisessa ikkunassa",
            "lock_version": d.lock_version - 1,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "another window" in html and "Perustelut, jotka kirjoitin toisessa ikkunassa" in html


def test_the_signed_decision_shows_its_text_and_downloads_as_pdf(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = signed_for(case_a.case, worker_a)
    client = login("worker_a")
    html = client.get(reverse("decision_detail", args=[case_a.case.pk, d.pk])).content.decode()
    assert d.reasons in html and d.number in html
    pdf = client.get(reverse("decision_pdf", args=[case_a.case.pk, d.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_service_form_shows_the_appeal_end_and_the_case_page_lists_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = signed_for(case_a.case, worker_a)
    guardian = d.parties.get(role="guardian")
    client = login("worker_a", "en")
    case_url = reverse("case_detail", args=[case_a.case.pk])
    assert "Decisions open to appeal" in client.get(case_url).content.decode()
    url = reverse("decision_serve", args=[case_a.case.pk, d.pk])
    form = client.get(url).context["form"]
    response = client.post(
        url,
        {
            "party": guardian.pk,
            "channel": "letter",
            "sent_on": timezone.localdate().isoformat(),
            "submission_key": form.initial["submission_key"],
        },
        follow=True,
    )
    service = d.services.get()
    assert service.appeal_ends.strftime("%-d.%-m.%Y") in response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_correction_started_again_after_back_goes_to_the_draft_it_started(
    case_a: CaseWorld, worker_a: Any, language: str
) -> None:
    """ "Back" from the correcting draft to the correction page, and "Start the
    correction" again (the browser restores the form's key): the draft already started,
    told so in the page's language; it said the decision already has a correction."""
    d = signed_for(case_a.case, worker_a)
    client = login("worker_a", language)
    url = reverse("decision_correct", args=[case_a.case.pk, d.pk])
    key = client.get(url).context["form"].initial["submission_key"]
    data = {"reason": "Väärä päivämäärä.", "submission_key": key}
    first = client.post(url, data)
    again = client.post(url, data, follow=True)
    new = Decision.objects.get(corrects=d)
    assert first["Location"] == reverse("decision_edit", args=[case_a.case.pk, new.pk])
    assert again.redirect_chain == [(first["Location"], 302)]
    started = {"fi": "Oikaisevan päätöksen luonnos aloitettiin.", "sv": "Ett utkast till rättelse"}
    assert started[language] in again.content.decode()
    assert ChronologyEvent.objects.filter(kind="decision_corrected").count() == 1


def test_the_second_sign_of_a_double_click_answers_signed_not_nothing_saved(
    case_a: CaseWorld, worker_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second request of a double click read the draft before the first signed it:
    the decision, told it is signed; it showed "Nothing was saved" over the sign button."""
    from monia.decisions import access, services

    d = draft_for(case_a.case, worker_a)
    read_before = Decision.objects.get(pk=d.pk)
    services.decision_sign(user=worker_a, decision=d, lock_version=d.lock_version)
    monkeypatch.setattr(access, "draft_for_signing", lambda *a, **k: (case_a.case, read_before))
    url = reverse("decision_sign", args=[case_a.case.pk, d.pk])
    client = login("worker_a", "sv")
    response = client.post(url, {"lock_version": read_before.lock_version})
    assert response["Location"] == reverse("decision_detail", args=[case_a.case.pk, d.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Beslutet är redan undertecknat: ingenting ändrades." in page
    assert ChronologyEvent.objects.filter(kind="decision_signed").count() == 1


def test_the_list_does_not_grow_in_queries_with_its_decisions(
    case_a: CaseWorld, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = login("worker_a")
    url = reverse("decision_list", args=[case_a.case.pk])
    signed_for(case_a.case, worker_a)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for kind in ("support_measure", "aftercare_measure", "support_measure_end"):
        signed_for(case_a.case, worker_a, kind=kind)
    draft_for(case_a.case, worker_a, kind="support_measure")
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert html.count('class="item"') == 5
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 14


def test_a_placement_decision_asks_the_form_of_placement_and_keeps_the_typed_contact(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """The emergency placement has no form of care recorded: its decision asks it; a bad
    postal code is refused and what was typed (address, phone, form of care) is kept."""
    from monia.decisions import services

    d = services.decision_draft(
        user=worker_a, case=case_a.case, kind="emergency_placement", measure=case_a.emergency
    )
    client = login("worker_a", "en")
    url = reverse("decision_edit", args=[case_a.case.pk, d.pk])
    page = client.get(url)
    form = page.context["form"]
    assert "care_form" in form.fields and "carer_view" not in form.fields
    assert form.initial["info_postal_code"] == "00100" and form.initial["info_phone"]
    response = client.post(
        url,
        {
            "language": d.language,  # the form's select, as a browser sends it
            "matter": d.matter,
            "decided_on": d.decided_on.isoformat() if d.decided_on else "",
            "info_street": "Torikatu 9 B",
            "info_postal_code": "7010",
            "info_town": "Kuopio",
            "info_phone": "017 123 4567",
            "care_form": "institutional_care",
            "lock_version": d.lock_version,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "A postal code is five digits." in html
    assert "Torikatu 9 B" in html and "017 123 4567" in html
    assert 'value="institutional_care" selected' in html
    case_a.emergency.refresh_from_db()
    assert case_a.emergency.care_form == ""  # nothing half-saved


def test_saving_a_decision_whose_form_does_not_ask_a_question_leaves_that_field_alone(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """The emergency placement's form does not ask the substitute-care place's view: a
    valid save keeps it empty (it once wrote None into a NOT NULL column: a 500)."""
    from monia.decisions import services

    d = services.decision_draft(
        user=worker_a, case=case_a.case, kind="emergency_placement", measure=case_a.emergency
    )
    url = reverse("decision_edit", args=[case_a.case.pk, d.pk])
    response = login("worker_a", "en").post(
        url,
        {
            "language": d.language,  # the form's select, as a browser sends it
            "matter": d.matter,
            "decided_on": d.decided_on.isoformat() if d.decided_on else "",
            "decision_text": "Lapsi sijoitetaan kiireellisesti.",
            "info_street": "Torikatu 9 B",
            "info_postal_code": "70100",
            "info_town": "Kuopio",
            "info_phone": "017 123 4567",
            "care_form": "family_care",
            "lock_version": d.lock_version,
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.carer_view == "" and d.decision_text == "Lapsi sijoitetaan kiireellisesti."


def test_the_swedish_pages_name_the_time_to_seek_a_change_not_only_to_appeal_to_court(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """A decision open to a request for correction (oikaisuvaatimus) has no "besvärstid":
    the list and the service page say "tiden för ändringssökande", as its other lines do."""
    signed = signed_for(case_a.case, worker_a, kind="support_measure")
    assert signed.appeal_route == "correction"
    client = login("worker_a", "sv")
    for url in (
        reverse("decision_list", args=[case_a.case.pk]),
        reverse("decision_serve", args=[case_a.case.pk, signed.pk]),
    ):
        html = client.get(url).content.decode()
        assert "esvärstid" not in html, url
        assert "tiden för ändringssökande, 30 dagar, räknas" in html.replace("Tiden", "tiden"), url


def test_the_sign_page_names_the_kind_once_when_the_matter_says_no_more(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = draft_for(case_a.case, worker_a)
    kind = d.get_kind_display()
    Decision.objects.filter(pk=d.pk).update(matter=kind)
    page = login("worker_a").get(reverse("decision_sign", args=[case_a.case.pk, d.pk]))
    assert f"<p>{kind}</p>" in page.content.decode()
    Decision.objects.filter(pk=d.pk).update(matter="Kiireellinen sijoitus perhekotiin")
    page = login("worker_a").get(reverse("decision_sign", args=[case_a.case.pk, d.pk]))
    assert f"<p>{kind}: Kiireellinen sijoitus perhekotiin</p>" in page.content.decode()


def test_the_extensions_decider_list_leaves_out_whoever_decided_the_placement_and_says_why(
    case_a: CaseWorld, worker_a: Any, teammate_a: Any
) -> None:
    from monia.casework import measure_services
    from monia.decisions import services

    today = timezone.localdate()
    placement = emergency_placement(case_a.case, worker_a)
    signed_for(case_a.case, worker_a, measure=placement)
    extended = measure_services.emergency_placement_extend(
        user=worker_a, measure=placement, decided_on=today
    )
    d = services.decision_draft(
        user=worker_a, case=case_a.case, kind="emergency_placement_extension", measure=extended
    )
    page = login("worker_a").get(reverse("decision_edit", args=[case_a.case.pk, d.pk]))
    choices = [str(pk) for pk, _label in page.context["form"].fields["decider"].choices if pk]
    assert str(teammate_a.pk) in choices and str(worker_a.pk) not in choices
    hint = "Kiireellisestä sijoituksesta päättänyt ei päätä sen jatkamisesta"
    assert hint in page.content.decode()
