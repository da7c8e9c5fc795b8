"""The appeal rule of monia.deadlines (pure Python; run with ``-p no:django``): each party's
30 days run from when that party first received the decision; serving it again does not
start them again; the decision is open while anyone who may appeal is unserved or until
the latest party's own period ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from monia.deadlines import appeal_ends, appeal_periods, first_service, served_on

PROPERTY = settings(deadline=None, database=None, max_examples=200)


@dataclass(frozen=True)
class Served:
    served_on: date
    appeal_ends: date


def by(channel: str, sent: date) -> Served:
    received = sent if channel == "in_person" else served_on(sent, channel)
    return Served(received, appeal_ends(received))


def test_a_letter_then_a_handover_counts_from_the_letters_seventh_day() -> None:
    # Letter Monday 2.3.2026, deemed received Monday 9.3.; handed over again Monday 16.3.
    letter, handed = by("letter", date(2026, 3, 2)), by("in_person", date(2026, 3, 16))
    assert first_service([handed, letter]) is letter
    periods = appeal_periods([[letter, handed]])
    assert periods.until == date(2026, 4, 8) != handed.appeal_ends
    assert periods.open_on(date(2026, 4, 8)) and not periods.open_on(date(2026, 4, 9))


def test_a_handover_before_the_letters_seventh_day_is_the_first_receipt() -> None:
    # Letter sent 2.3. (deemed received 9.3., period to 8.4.), handed over on 4.3.: received
    # on 4.3.; 30 days end on Good Friday 3.4.2026, so the period ends Tuesday 7.4.
    letter, handed = by("letter", date(2026, 3, 2)), by("in_person", date(2026, 3, 4))
    assert first_service([letter, handed]) is handed
    assert appeal_periods([[letter, handed]]).until == date(2026, 4, 7)


def test_two_parties_served_on_different_days_keep_it_open_for_the_later_party() -> None:
    mother = [by("in_person", date(2026, 3, 2))]
    father = [by("letter", date(2026, 3, 2)), by("letter", date(2026, 3, 20))]
    periods = appeal_periods([mother, father])
    assert (periods.unserved, periods.until) == (0, date(2026, 4, 8))


def test_an_unserved_party_keeps_the_decision_open_after_the_others_periods() -> None:
    periods = appeal_periods([[by("in_person", date(2026, 3, 2))], []])
    assert (periods.unserved, periods.until) == (1, date(2026, 4, 1))
    assert periods.open_on(date(2027, 1, 1))


def test_no_party_who_may_appeal_leaves_nothing_open() -> None:
    assert not appeal_periods([]).open_on(date(2026, 3, 2))


def test_a_first_period_ending_on_a_holiday_ends_on_the_next_working_day() -> None:
    # Handed over Thursday 22.11.2029: 30 days end Saturday 22.12.; Christmas follows.
    first = by("in_person", date(2029, 11, 22))
    again = by("letter", date(2029, 11, 26))
    assert appeal_periods([[again, first]]).until == date(2029, 12, 27)


services = st.builds(
    by,
    st.sampled_from(["letter", "electronic", "in_person"]),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
)


@given(st.lists(st.lists(services, max_size=3), max_size=4), st.data())
@PROPERTY
def test_serving_a_served_party_again_never_moves_the_end(
    parties: list[list[Served]], data: st.DataObject
) -> None:
    before = appeal_periods(parties)
    served = [i for i, s in enumerate(parties) if s]
    if not served:
        return
    i = data.draw(st.sampled_from(served))
    first = first_service(parties[i])
    assert first is not None
    # Sent or handed over again on the day of the first receipt or later.
    channel = data.draw(st.sampled_from(["letter", "electronic", "in_person"]))
    days = data.draw(st.integers(min_value=0, max_value=400))
    parties[i] = [*parties[i], by(channel, first.served_on + timedelta(days=days))]
    assert appeal_periods(parties) == before
