"""A party's time to appeal runs from when they first received the decision (HL 59 §,
808/2019 13 §): serving it to them again does not extend it. The decision stays open while
a party who may appeal is unserved or until the latest party's own period ends — the same on
the decision page, the list, the case page, the party's letter and the portal."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.casework import selectors as casework_selectors
from monia.casework.models import Measure
from monia.conftest import CaseWorld, login
from monia.decisions import document_access, portal_access, selectors, services
from monia.decisions.models import Decision, DecisionParty, DecisionService
from monia.decisions.selectors import AppealStatus
from monia.decisions.testing import signed_for

pytestmark = pytest.mark.django_db

date = datetime.date


def _signed_on(case_a: CaseWorld, worker_a: Any, day: datetime.date) -> Decision:
    """A decision dated ``day`` (its measure decided then); parties: the guardian, the
    child."""
    Measure.objects.filter(pk=case_a.emergency.pk).update(decided_on=day, started_on=day)
    case_a.case.__class__.objects.filter(pk=case_a.case.pk).update(
        opened_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    case_a.case.refresh_from_db()
    return signed_for(case_a.case, worker_a)


def _serve(
    d: Decision, user: Any, party: DecisionParty, sent_on: datetime.date, channel: str
) -> DecisionService:
    return services.decision_serve(
        user=user, decision=d, party=party, channel=channel, sent_on=sent_on
    )


def _status(case_a: CaseWorld, d: Decision, today: datetime.date) -> AppealStatus:
    read = selectors.decision_with_parts(case_a.case, d.pk)
    assert read is not None
    return selectors.appeal_status(read, today=today)


def _case_page(case_a: CaseWorld, today: datetime.date) -> list[tuple[int, Any, int]]:
    found = casework_selectors.decisions_open_to_appeal(case_a.case, today=today)
    return [(d.pk, d.open_until, d.unserved) for d in found]


def test_a_letter_then_a_handover_counts_from_the_letters_seventh_day(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = _signed_on(case_a, worker_a, date(2026, 3, 2))
    guardian, child = d.parties.get(role="guardian"), d.parties.get(role="child")
    letter = _serve(d, worker_a, guardian, date(2026, 3, 2), "letter")  # received 9.3.
    handed = _serve(d, worker_a, guardian, date(2026, 3, 16), "in_person")
    _serve(d, worker_a, child, date(2026, 3, 2), "in_person")  # period ends 1.4.
    assert (letter.appeal_ends, handed.appeal_ends) == (date(2026, 4, 8), date(2026, 4, 15))
    assert _status(case_a, d, date(2026, 4, 8)) == AppealStatus(True, date(2026, 4, 8), 0)
    assert not _status(case_a, d, date(2026, 4, 9)).open
    assert _case_page(case_a, date(2026, 4, 8)) == [(d.pk, date(2026, 4, 8), 0)]
    assert _case_page(case_a, date(2026, 4, 9)) == []
    # The guardian's letter and portal page state the period of the first service.
    assert document_access.party_service(guardian) == letter
    assert portal_access.client_service(d, guardian.person) == letter


def test_two_parties_served_on_different_days_keep_it_open_for_the_later_first_service(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = _signed_on(case_a, worker_a, date(2026, 3, 2))
    guardian, child = d.parties.get(role="guardian"), d.parties.get(role="child")
    _serve(d, worker_a, guardian, date(2026, 3, 2), "letter")  # ends 8.4.
    # Friday 20.3. in person: 30 days end on Sunday 19.4., so Monday 20.4. (150/1930 5 §);
    # the letter to the child after it does not move it to May.
    _serve(d, worker_a, child, date(2026, 3, 20), "in_person")
    _serve(d, worker_a, child, date(2026, 4, 1), "letter")
    assert _status(case_a, d, date(2026, 4, 20)) == AppealStatus(True, date(2026, 4, 20), 0)
    assert not _status(case_a, d, date(2026, 4, 21)).open
    assert _case_page(case_a, date(2026, 4, 20)) == [(d.pk, date(2026, 4, 20), 0)]
    assert _case_page(case_a, date(2026, 4, 21)) == []


def test_an_unserved_party_keeps_it_open_after_the_others_periods_end(
    case_a: CaseWorld, worker_a: Any
) -> None:
    d = _signed_on(case_a, worker_a, date(2026, 3, 2))
    _serve(d, worker_a, d.parties.get(role="guardian"), date(2026, 3, 2), "letter")
    later = date(2026, 11, 30)
    assert _status(case_a, d, later) == AppealStatus(True, date(2026, 4, 8), 1)
    assert _case_page(case_a, later) == [(d.pk, date(2026, 4, 8), 1)]


def test_the_decision_page_shows_each_partys_first_service_and_that_another_does_not_extend_it(
    case_a: CaseWorld, worker_a: Any
) -> None:
    today = timezone.localdate()
    d = _signed_on(case_a, worker_a, today - datetime.timedelta(days=20))
    guardian = d.parties.get(role="guardian")
    first = _serve(d, worker_a, guardian, today - datetime.timedelta(days=20), "letter")
    ends = f"{first.appeal_ends:%-d.%-m.%Y}"
    client = login("worker_a", "en")
    url = reverse("decision_serve", args=[case_a.case.pk, d.pk])
    form = client.get(url).context["form"]
    response = client.post(
        url,
        {
            "party": guardian.pk,
            "channel": "in_person",
            "sent_on": today.isoformat(),
            "submission_key": form.initial["submission_key"],
        },
        follow=True,
    )
    html = response.content.decode()
    again = d.services.latest("pk")
    assert again.appeal_ends > first.appeal_ends
    assert (
        "It does not extend the appeal period, which runs from the first service and ends "
        f"on {ends}." in html
    )
    assert f"received {first.served_on:%-d.%-m.%Y}. The appeal period runs from this" in html
    assert f"and ends {ends}." in html
    assert html.count('class="served-again"') == 1
    assert "This does not extend the appeal period." in html
    assert f"{again.appeal_ends:%-d.%-m.%Y}" not in html
    fi = login("worker_a", "fi").get(reverse("decision_detail", args=[case_a.case.pk, d.pk]))
    assert "Tämä ei pidennä muutoksenhakuaikaa." in fi.content.decode()


def test_while_a_party_is_unserved_the_pages_give_no_end_date_for_the_appeal(
    case_a: CaseWorld, worker_a: Any
) -> None:
    """The guardian's period has ended, the child has not been served: the decision is
    open, and no page says it is open "until" a date the child's period has not begun."""
    today = timezone.localdate()
    d = _signed_on(case_a, worker_a, today - datetime.timedelta(days=60))
    first = _serve(
        d, worker_a, d.parties.get(role="guardian"), today - datetime.timedelta(days=60), "letter"
    )
    ended = f"{first.appeal_ends:%-d.%-m.%Y}"
    client = login("worker_a", "en")
    for name in ("decision_detail", "decision_list"):
        args = [case_a.case.pk, d.pk] if name == "decision_detail" else [case_a.case.pk]
        html = client.get(reverse(name, args=args)).content.decode()
        assert "Open to appeal: 1 party not served yet." in html, name
        assert f"Open to appeal until {ended}" not in html, name
