"""THL's staffing snapshot: clients under 18, designated workers, workers over the cap."""

from __future__ import annotations

from datetime import date

from monia.reporting import thl
from monia.reporting.caseload import Assignment, caseload_snapshot, eighteenth_birthday

SINCE = date(2023, 1, 1)
CHILD = date(2015, 5, 5)  # under 18 on every day below


def team() -> tuple[list[Assignment], dict[str, date | None]]:
    """W1: 32 children and Teen (18 on 15.1.2024). W2: 36 children. W3: 30 children, Adult
    (18 on 1.6.2023, in aftercare) and Ended (designated until 31.12.2023, that day included)."""
    rows: list[Assignment] = []
    births: dict[str, date | None] = {}
    for worker, n in (("W1", 32), ("W2", 36), ("W3", 30)):
        for i in range(n):
            rows.append(Assignment(worker, f"{worker}-{i}", SINCE))
            births[f"{worker}-{i}"] = CHILD
    rows += [
        Assignment("W1", "Teen", SINCE),
        Assignment("W3", "Adult", SINCE),
        Assignment("W3", "Ended", SINCE, date(2023, 12, 31)),
    ]
    births |= {"Teen": date(2006, 1, 15), "Adult": date(2005, 6, 1), "Ended": None}
    return rows, births


def test_october_2023_counts_against_35() -> None:
    rows, births = team()
    october = thl.snapshot_dates(2023)[1]
    assert october == date(2023, 10, 10)
    clients = [a.child for a in rows if a.on(october)] + ["Lonely"]
    snap = caseload_snapshot(rows, births, october, clients=clients)
    # W1 32 + Teen = 33; W2 36; W3 30 + Ended (no birth date: a child) = 31; Adult is 18.
    assert snap.cap == 35
    assert dict(snap.caseloads) == {"W1": 33, "W2": 36, "W3": 31}
    assert (snap.clients_under_18, snap.workers, snap.workers_over_cap) == (101, 3, 1)
    assert snap.over_cap == ("W2",)
    assert snap.without_worker == ("Lonely",)


def test_april_2024_counts_against_30() -> None:
    rows, births = team()
    april = thl.snapshot_dates(2024)[0]
    assert april == date(2024, 4, 9)
    clients = [a.child for a in rows if a.on(april)] + ["Lonely"]
    snap = caseload_snapshot(rows, births, april, clients=clients)
    # Teen turned 18 on 15.1.2024; Ended's designation ended on 31.12.2023. W3's 30 is at the
    # cap, not over it.
    assert snap.cap == 30
    assert dict(snap.caseloads) == {"W1": 32, "W2": 36, "W3": 30}
    assert (snap.clients_under_18, snap.workers, snap.workers_over_cap) == (99, 3, 2)
    assert snap.over_cap == ("W1", "W2")


def test_the_cap_changes_on_new_years_day_2024() -> None:
    rows, births = team()
    before = caseload_snapshot(rows, births, date(2023, 12, 31))
    after = caseload_snapshot(rows, births, date(2024, 1, 1))
    assert (before.cap, before.over_cap) == (35, ("W2",))
    assert (after.cap, after.over_cap) == (30, ("W1", "W2"))
    # Without a list of clients, the clients are the children with a worker.
    assert before.clients_under_18 == 33 + 36 + 31 and before.without_worker == ()


def test_aftercare_clients_count_against_the_cap_only_when_the_county_chooses_so() -> None:
    rows, births = team()
    snap = caseload_snapshot(rows, births, date(2024, 4, 9), count_adults=True)
    assert dict(snap.caseloads) == {"W1": 33, "W2": 36, "W3": 31}
    assert snap.over_cap == ("W1", "W2", "W3")
    assert snap.clients_under_18 == 32 + 36 + 30  # the totals stay under-18 totals


def test_a_child_turns_18_on_the_birthday() -> None:
    assert eighteenth_birthday(date(2006, 1, 15)) == date(2024, 1, 15)
    assert eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)
    rows = [Assignment("W", "C", SINCE)]
    births: dict[str, date | None] = {"C": date(2006, 1, 15)}
    assert caseload_snapshot(rows, births, date(2024, 1, 14)).clients_under_18 == 1
    assert caseload_snapshot(rows, births, date(2024, 1, 15)).clients_under_18 == 0
