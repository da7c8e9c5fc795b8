"""The worker's list of partner professionals: names and titles (never usernames), grouped by
organisation so a page without JavaScript is usable, and a mismatched pair refused with
everything typed kept."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role
from monia.conftest import PASSWORD, CaseWorld, make_user
from monia.contrib.models import ContributionRequest
from monia.network.forms import GrantForm
from monia.network.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organisations(case_a: CaseWorld, school: Organisation, partner: Any) -> Any:
    partner.first_name, partner.last_name, partner.title = "Terhi", "Terveydenhoitaja", "kouluth."
    partner.save()
    clinic = Organisation.objects.create(
        county=case_a.case.county, name="Lastenpsykiatria", sector="child_psychiatry"
    )
    doctor = make_user(
        "doc_username", Role.PARTNER, case_a.case.county, None, organisation=clinic, title="lääkäri"
    )
    return school, partner, clinic, doctor


def _client() -> Client:
    client = Client()
    assert client.login(username="worker_a", password=PASSWORD)
    return client


def _pages(case_a: CaseWorld) -> list[str]:
    from monia.netmeet import services as netmeet_services

    meeting = netmeet_services.meeting_plan(
        user=case_a.case.designated_worker,
        case=case_a.case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Tuki",
    )
    case_id = case_a.case.pk
    return [
        reverse(
            "assessment_contributions",
            kwargs={"case_id": case_id, "assessment_id": case_a.open_assessment.pk},
        ),
        reverse("case_consultations", kwargs={"case_id": case_id}),
        reverse("network_meeting_detail", kwargs={"case_id": case_id, "meeting_id": meeting.pk}),
        reverse("case_sharing", kwargs={"case_id": case_id}),
    ]


def test_every_partner_list_shows_names_and_titles_grouped_by_organisation(
    case_a: CaseWorld, worker_a: Any, two_organisations: Any
) -> None:
    school, partner, clinic, doctor = two_organisations
    client = _client()
    for url in _pages(case_a):
        body = client.get(url).content.decode()
        select = re.search(r'<select name="partner".*?</select>', body, re.S)
        assert select is not None, url
        html = select.group(0)
        assert 'data-partner-of="organisation"' in html, url
        assert '<optgroup label="Keskuskoulu">' in html, url
        assert '<optgroup label="Lastenpsykiatria">' in html, url
        assert (
            f'data-organisation="{school.pk}"' in html
            and "Terhi Terveydenhoitaja, kouluth." in html
        )
        assert "Doc_Username Testinen, lääkäri" in html, url
        assert ">doc_username<" not in html and ">partner<" not in html, url
        assert "network/partner-filter.js" in body, url  # the filter script (no inline JS: CSP)


def test_the_list_costs_one_query_however_many_professionals(
    case_a: CaseWorld, school: Organisation, django_assert_num_queries: Any
) -> None:
    for n in range(6):
        make_user(f"p{n}", Role.PARTNER, case_a.case.county, None, organisation=school)
    form = GrantForm(county_id=case_a.case.county_id)
    with django_assert_num_queries(1):
        str(form["partner"])


def test_a_professional_of_another_organisation_is_refused_and_the_form_kept(
    case_a: CaseWorld, worker_a: Any, two_organisations: Any
) -> None:
    school, partner, clinic, doctor = two_organisations
    url = _pages(case_a)[0]
    response = _client().post(
        url,
        {
            "organisation": school.pk,
            "partner": doctor.pk,
            "basis": "lsl_41_request",
            "questions": "Miten lapsi jaksaa?",
            "due_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("partner")
    assert "Miten lapsi jaksaa?" in response.content.decode()
    assert not ContributionRequest.objects.exists()
