"""Reports read from the read replica (monia/dbrouter.py): the aggregate pages and the
counties' comparison read the ``replica`` alias, the children lists and every write (the
access log above all) go to the primary; with no replica nothing changes.

The replica here is Django's test mirror of ``default`` (``TEST["MIRROR"]``): a second
connection to the same test database, so the tests commit (``transaction=True``) for it to
see the data, and each query is counted on the connection that ran it."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monia import dbrouter
from monia.access.models import AccessLog
from monia.conftest import World, login
from monia.reporting import thl_services
from monia.reporting.models import RunState, ThlCompareRun
from monia.reporting.tests.thl_world import END, START, ThlWorld, thl_world
from monia.reporting.thl_tasks import thl_compare_run

PERIOD = {"period": START.isoformat()}
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture(scope="module", autouse=True)
def replica(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """A ``replica`` alias mirroring the test database, as ``replica_databases`` makes it
    from DATABASE_REPLICA_URL (before each test's database set-up, which must allow it);
    removed after this module."""
    settings = copy.deepcopy(connections["default"].settings_dict)
    settings["TEST"] = {**settings.get("TEST", {}), "MIRROR": dbrouter.DEFAULT}
    connections.settings[dbrouter.REPLICA] = settings
    yield
    with django_db_blocker.unblock():
        connections[dbrouter.REPLICA].close()
    del connections[dbrouter.REPLICA]
    del connections.settings[dbrouter.REPLICA]


@pytest.fixture
def tw(world: World, worker_a: Any) -> ThlWorld:
    return thl_world(world, worker_a)


def _sql(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries]


def _capture_both() -> tuple[CaptureQueriesContext, CaptureQueriesContext]:
    return (
        CaptureQueriesContext(connections[dbrouter.DEFAULT]),
        CaptureQueriesContext(connections[dbrouter.REPLICA]),
    )


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_the_thl_figures_are_read_from_the_replica_and_say_as_of_when(
    tw: ThlWorld, senior_a: Any
) -> None:
    client = login("senior_a", language="fi")
    primary, copy_ = _capture_both()
    with primary, copy_:
        page = client.get(reverse("thl_processing_times"), PERIOD)
    assert page.status_code == 200
    assert page.context["times"].seven_day.matters == 3  # the same figures as the primary's
    assert any("casework_intake" in sql for sql in _sql(copy_))
    assert not any("casework_intake" in sql for sql in _sql(primary))
    assert not any(sql.lstrip().upper().startswith(WRITES) for sql in _sql(copy_))
    assert 'class="data-as-of"' in page.content.decode()


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_a_children_list_reads_the_primary_with_its_access_log_rows(
    tw: ThlWorld, senior_a: Any
) -> None:
    client = login("senior_a")
    logged = AccessLog.objects.count()
    primary, copy_ = _capture_both()
    with primary, copy_:
        page = client.get(reverse("thl_children"), {**PERIOD, "figure": "seven_day_late"})
    assert page.status_code == 200 and page.context["cases"]
    assert _sql(copy_) == []
    assert 'class="data-as-of"' not in page.content.decode()
    assert any("casework_intake" in sql for sql in _sql(primary))
    assert AccessLog.objects.count() == logged + len(page.context["cases"])


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_inside_a_transaction_on_the_primary_reads_stay_there() -> None:
    with dbrouter.replica_reads():
        assert dbrouter.read_alias() == dbrouter.REPLICA
        with transaction.atomic():
            assert dbrouter.read_alias() == dbrouter.DEFAULT
    assert dbrouter.read_alias() == dbrouter.DEFAULT


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_the_counties_comparison_counts_on_the_replica_and_writes_its_run_on_the_primary(
    tw: ThlWorld, senior_a: Any
) -> None:
    run = thl_services.thl_compare_request(user=senior_a, start=START, end=END)
    primary, copy_ = _capture_both()
    with primary, copy_:
        state = thl_compare_run.call(run_id=run.pk)
    assert state == RunState.DONE
    assert any("casework_intake" in sql for sql in _sql(copy_))
    assert not any(sql.lstrip().upper().startswith(WRITES) for sql in _sql(copy_))
    assert any(sql.lstrip().upper().startswith("UPDATE") for sql in _sql(primary))
    assert ThlCompareRun.objects.get(pk=run.pk).rows
