"""Partners see a case only through a sharing grant; every disclosure is logged."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monia.conftest import CaseWorld
from monia.conftest import login as _login
from monia.network import services
from monia.network.models import DisclosureLog

TODAY = timezone.localdate


def _grant(case_a: CaseWorld, worker_a: Any, school: Any, **extra: Any) -> Any:
    data: dict[str, Any] = dict(
        basis="guardian_consent",
        consent_given_by="Maija Esimerkki",
        scope=["basic", "plan"],
        ends_on=TODAY() + datetime.timedelta(30),
    )
    data.update(extra)
    return services.grant_create(user=worker_a, case=case_a.case, organisation=school, **data)


def test_partner_without_a_grant_gets_404(case_a: CaseWorld, partner: Any) -> None:
    client = _login("partner")
    assert client.get(reverse("partner_case", args=[case_a.case.pk])).status_code == 404
    assert client.get(reverse("case_detail", args=[case_a.case.pk])).status_code == 404
    assert not DisclosureLog.objects.exists()


def test_grant_opens_only_its_scope_and_logs_the_disclosure(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    grant = _grant(case_a, worker_a, school)
    html = _login("partner").get(reverse("partner_case", args=[case_a.case.pk])).content.decode()
    assert "Aino Esimerkki" in html and "Tuki arkeen" in html  # basic + plan
    assert "Perhekoti" not in html and "Kiireellinen sijoitus" not in html  # no measures
    row = DisclosureLog.objects.get(purpose="partner_case")
    assert (row.grant, row.recipient, row.basis, row.parts) == (
        grant,
        partner,
        "guardian_consent",
        ["basic", "plan"],
    )
    assert (row.source, row.source_id) == ("sharing_grant", grant.pk)


def test_withdrawn_consent_ends_access_at_once(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    grant = _grant(case_a, worker_a, school)
    client = _login("partner")
    assert client.get(reverse("partner_case", args=[case_a.case.pk])).status_code == 200
    services.grant_withdraw(user=worker_a, grant=grant)
    assert client.get(reverse("partner_case", args=[case_a.case.pk])).status_code == 404


def test_expired_grant_gives_404(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    _grant(
        case_a,
        worker_a,
        school,
        starts_on=TODAY() - datetime.timedelta(days=40),
        ends_on=TODAY() - datetime.timedelta(days=1),
    )
    assert _login("partner").get(reverse("partner_case", args=[case_a.case.pk])).status_code == 404


def test_consent_must_name_who_gave_it(case_a: CaseWorld, worker_a: Any, school: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        _grant(case_a, worker_a, school, consent_given_by="")
    assert "consent_given_by" in exc.value.message_dict


def test_partner_list_logs_each_child_shown(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    _grant(case_a, worker_a, school)
    html = _login("partner").get(reverse("partner_home")).content.decode()
    assert "Aino Esimerkki" in html
    assert DisclosureLog.objects.filter(purpose="partner_list").count() == 1


def test_sharing_page_shows_grants_and_the_disclosure_log(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    _grant(case_a, worker_a, school)
    _login("partner").get(reverse("partner_case", args=[case_a.case.pk]))
    html = _login("worker_a").get(reverse("case_sharing", args=[case_a.case.pk])).content.decode()
    assert "Keskuskoulu" in html and "Partner Testinen" in html


def test_the_same_grant_sent_twice_is_saved_once(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    """A double click, or the form sent again after "Back": one grant, not two."""
    data = {
        "action": "grant",
        "organisation": str(school.pk),
        "partner": str(partner.pk),
        "basis": "guardian_consent",
        "consent_given_by": "Maija Esimerkki",
        "scope": ["basic", "plan"],
        "ends_on": (TODAY() + datetime.timedelta(30)).isoformat(),
    }
    client = _login("worker_a")
    url = reverse("case_sharing", args=[case_a.case.pk])
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert case_a.case.sharing_grants.count() == 1
    # A different grant (another scope) is still a new one.
    assert client.post(url, {**data, "scope": ["basic"]}).status_code == 302
    assert case_a.case.sharing_grants.count() == 2
