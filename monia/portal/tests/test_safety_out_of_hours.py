"""Issue 10 item 13: "I don't feel safe" tells the truth about when the team will see it,
and outside the county's office hours goes to its social emergency service as well, by an
e-mail that carries no client data."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from monia.conftest import PortalWorld, portal_client
from monia.deadlines import HELSINKI
from monia.portal import safety_selectors
from monia.portal.models import SafetyAlert
from monia.portal.safety_selectors import next_office_opening, office_open

EIGHT, FOUR = datetime.time(8, 0), datetime.time(16, 0)


def _at(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=HELSINKI)


@pytest.mark.parametrize(
    ("moment", "opens_at"),
    [
        (_at(2026, 12, 7, 10, 0), _at(2026, 12, 7, 10, 0)),  # Monday morning: open now
        (_at(2026, 12, 7, 6, 30), _at(2026, 12, 7, 8, 0)),  # before opening: the same day
        (_at(2026, 12, 4, 16, 0), _at(2026, 12, 7, 8, 0)),  # Friday at closing: Monday
        (_at(2026, 12, 5, 23, 0), _at(2026, 12, 7, 8, 0)),  # Saturday night: Monday
        (_at(2026, 12, 23, 22, 0), _at(2026, 12, 28, 8, 0)),  # Christmas Eve to Boxing Day off
        (_at(2027, 1, 5, 17, 0), _at(2027, 1, 7, 8, 0)),  # Epiphany (Wed 6.1.) is a holiday
    ],
)
def test_the_team_is_back_at_work_on_the_next_finnish_working_day(
    moment: datetime.datetime, opens_at: datetime.datetime
) -> None:
    assert next_office_opening(moment, EIGHT, FOUR) == opens_at


@given(
    st.datetimes(
        min_value=datetime.datetime(2026, 1, 1), max_value=datetime.datetime(2030, 12, 31)
    ),
    st.integers(min_value=0, max_value=11),
    st.integers(min_value=1, max_value=12),
)
def test_the_next_opening_is_never_earlier_and_always_open(
    naive: datetime.datetime, opens_hour: int, length: int
) -> None:
    moment = naive.replace(tzinfo=datetime.UTC)
    opens = datetime.time(opens_hour)
    closes = datetime.time(min(opens_hour + length, 23))
    result = next_office_opening(moment, opens, closes)
    assert result >= moment
    assert office_open(result, opens, closes)
    assert result - moment < datetime.timedelta(days=7)  # never more than a long weekend away


@pytest.fixture
def saturday_night(monkeypatch: pytest.MonkeyPatch) -> datetime.datetime:
    night = _at(2026, 12, 5, 23, 10)
    monkeypatch.setattr(safety_selectors, "clock", lambda: night)
    return night


@pytest.fixture
def monday_morning(monkeypatch: pytest.MonkeyPatch) -> datetime.datetime:
    morning = _at(2026, 12, 7, 9, 30)
    monkeypatch.setattr(safety_selectors, "clock", lambda: morning)
    return morning


def _county_with_emergency_email(pw: PortalWorld) -> None:
    county = pw.young_case.county
    county.social_emergency_email = "sosiaalipaivystys@example.org"
    county.social_emergency_phone = "014 266 0149"
    county.save()


@pytest.mark.django_db(transaction=True)
def test_out_of_hours_the_alert_goes_to_the_emergency_service_without_client_data(
    portal_world: PortalWorld, saturday_night: datetime.datetime
) -> None:
    _county_with_emergency_email(portal_world)
    client = portal_client(portal_world.young, language="en")
    url = reverse("portal_safety", args=[portal_world.young_case.pk])
    before = client.get(url).content.decode()
    assert "The workers are not at work now." in before
    assert "They are back at work on Monday 7.12. at 8.00." in before
    assert "So your message goes to the social emergency service too." in before
    assert "They will contact you" not in before

    mail.outbox.clear()
    after = client.post(url).content.decode()
    assert "So we sent your message to the social emergency service too." in after
    assert "They will contact you" not in after
    alert = SafetyAlert.objects.get(case=portal_world.young_case)
    assert alert.outside_office_hours
    assert alert.emergency_service_email == "sosiaalipaivystys@example.org"
    sent = [m for m in mail.outbox if m.to == ["sosiaalipaivystys@example.org"]]
    assert len(sent) == 1
    text = sent[0].subject + sent[0].body
    child = portal_world.young
    for secret in (child.first_names, child.last_name, child.identity_code, "Maija"):
        assert secret not in text
    assert f"/cases/{portal_world.young_case.pk}/portal/" in text
    assert "7.12.2026" in text  # when the team is back


@pytest.mark.django_db(transaction=True)
def test_out_of_hours_without_an_emergency_address_the_page_says_nobody_reads_it(
    portal_world: PortalWorld, saturday_night: datetime.datetime
) -> None:
    client = portal_client(portal_world.young, language="en")
    mail.outbox.clear()
    page = client.post(reverse("portal_safety", args=[portal_world.young_case.pk]))
    text = page.content.decode()
    assert "Until then, nobody reads your message." in text
    assert "social emergency service too" not in text
    alert = SafetyAlert.objects.get(case=portal_world.young_case)
    assert alert.outside_office_hours and alert.emergency_service_email == ""
    assert all("Monia: URGENT safety alert" not in m.subject for m in mail.outbox)


@pytest.mark.django_db(transaction=True)
def test_in_office_hours_the_team_is_told_and_the_emergency_service_is_not(
    portal_world: PortalWorld, monday_morning: datetime.datetime
) -> None:
    _county_with_emergency_email(portal_world)
    client = portal_client(portal_world.young, language="en")
    mail.outbox.clear()
    text = client.post(reverse("portal_safety", args=[portal_world.young_case.pk])).content
    assert "They will contact you as soon as they can." in text.decode()
    alert = SafetyAlert.objects.get(case=portal_world.young_case)
    assert not alert.outside_office_hours and alert.emergency_service_email == ""
    assert all(m.to != ["sosiaalipaivystys@example.org"] for m in mail.outbox)


@pytest.mark.django_db
def test_office_hours_are_the_countys_own(
    portal_world: PortalWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    county = portal_world.young_case.county
    county.office_opens, county.office_closes = datetime.time(7, 30), datetime.time(15, 15)
    county.save()
    monkeypatch.setattr(safety_selectors, "clock", lambda: _at(2026, 12, 7, 15, 20))
    client = portal_client(portal_world.young, language="en")
    text = client.get(reverse("portal_safety", args=[portal_world.young_case.pk])).content
    assert "from 7.30 to 15.15" in text.decode()
    assert "They are back at work on Tuesday 8.12. at 7.30." in text.decode()


@pytest.mark.django_db
def test_the_worker_sees_that_an_alert_came_out_of_hours(
    portal_world: PortalWorld, saturday_night: datetime.datetime
) -> None:
    from monia.conftest import login

    _county_with_emergency_email(portal_world)
    portal_client(portal_world.young).post(
        reverse("portal_safety", args=[portal_world.young_case.pk])
    )
    page = login("worker_a").get(reverse("case_portal", args=[portal_world.young_case.pk]))
    text = page.content.decode()
    assert "sosiaalipaivystys@example.org" in text


@pytest.mark.django_db(transaction=True)
def test_a_double_press_or_a_reload_of_the_answer_raises_one_alert_and_one_email(
    portal_world: PortalWorld, saturday_night: datetime.datetime
) -> None:
    _county_with_emergency_email(portal_world)
    client = portal_client(portal_world.young, language="en")
    url = reverse("portal_safety", args=[portal_world.young_case.pk])
    page = client.get(url).content.decode()
    key = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert key is not None, "the button's form carries its key"
    mail.outbox.clear()
    for _twice in range(2):
        answer = client.post(url, {"submission_key": key[1]}).content.decode()
        assert "So we sent your message to the social emergency service too." in answer
    assert SafetyAlert.objects.filter(case=portal_world.young_case).count() == 1
    assert len([m for m in mail.outbox if m.to == ["sosiaalipaivystys@example.org"]]) == 1
    client.post(url)  # a page from before the key: the alert is raised all the same
    assert SafetyAlert.objects.filter(case=portal_world.young_case).count() == 2


def _button_keys(page: str) -> list[tuple[str, str]]:
    """The (action, key) of each "I don't feel safe" button form on a page."""
    return re.findall(
        r'<form method="post" action="([^"]+/safety/)">\s*<input type="hidden" '
        r'name="csrfmiddlewaretoken" value="[^"]+">'
        r'<input type="text" name="submission_key" value="([0-9a-f-]{36})"',
        page,
    )


@pytest.mark.django_db(transaction=True)
def test_the_button_at_the_top_of_every_page_raises_one_alert_when_its_answer_is_reloaded(
    portal_world: PortalWorld, saturday_night: datetime.datetime
) -> None:
    _county_with_emergency_email(portal_world)
    client = portal_client(portal_world.young, language="en")
    page = client.get(reverse("portal_plan", args=[portal_world.young_case.pk])).content.decode()
    [(action, key)] = _button_keys(page)
    mail.outbox.clear()
    for _reloaded in range(2):
        answer = client.post(action, {"submission_key": key}).content.decode()
        assert "So we sent your message to the social emergency service too." in answer
    assert SafetyAlert.objects.filter(case=portal_world.young_case).count() == 1
    assert len([m for m in mail.outbox if m.to == ["sosiaalipaivystys@example.org"]]) == 1


@pytest.mark.django_db(transaction=True)
def test_a_guardians_buttons_for_two_children_raise_one_alert_each(
    portal_world: PortalWorld, saturday_night: datetime.datetime
) -> None:
    young_case, cw_case = portal_world.young_case, portal_world.cw.case
    client = portal_client(portal_world.guardian, language="en")
    page = client.get(reverse("portal_safety_general")).content.decode()
    buttons = _button_keys(page)
    assert len(buttons) == 2 and buttons[0][1] != buttons[1][1]
    for action, key in buttons + buttons:  # each pressed, then each answer reloaded
        client.post(action, {"submission_key": key})
    for case in (young_case, cw_case):
        assert SafetyAlert.objects.filter(case=case).count() == 1
    # One matter's key sent for the other (a forged form): that alert is raised too.
    keys = dict(buttons)
    young, other = (reverse("portal_safety", args=[c.pk]) for c in (young_case, cw_case))
    client.post(other, {"submission_key": keys[young]})
    assert SafetyAlert.objects.filter(case=cw_case).count() == 2
