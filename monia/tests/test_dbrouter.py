"""The database router (monia/dbrouter.py) without a database: the replica alias from its
URL, writes and migrations on the primary, nothing routed when no replica is configured.
The routing of real pages: monia/reporting/tests/test_replica_routing.py."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from monia import dbrouter
from monia.access.models import AccessLog


def test_without_a_replica_the_figures_read_the_primary(monkeypatch: Any) -> None:
    monkeypatch.delenv("DATABASE_REPLICA_URL", raising=False)
    assert dbrouter.replica_databases({"CONN_MAX_AGE": 60}) == {}
    assert not dbrouter.replica_configured()
    with dbrouter.replica_reads():
        assert dbrouter.read_alias() == dbrouter.DEFAULT


def test_the_replica_alias_comes_from_its_url_and_mirrors_the_primary_in_tests(
    monkeypatch: Any,
) -> None:
    monkeypatch.setenv("DATABASE_REPLICA_URL", "postgres://reader@db2:5433/monia")
    default = {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True, "OPTIONS": {"x": 1}}
    replica = dbrouter.replica_databases(default)[dbrouter.REPLICA]
    assert (replica["HOST"], replica["PORT"], replica["USER"]) == ("db2", 5433, "reader")
    assert replica["CONN_MAX_AGE"] == 60 and replica["CONN_HEALTH_CHECKS"] is True
    assert replica["TEST"] == {"MIRROR": "default"}
    monkeypatch.setenv("DATABASE_REPLICA_URL", "mysql://db2/monia")
    with pytest.raises(ImproperlyConfigured, match="postgres"):
        dbrouter.replica_databases(default)


def test_writes_and_migrations_go_to_the_primary_only() -> None:
    router = dbrouter.ReplicaRouter()
    with dbrouter.replica_reads():
        assert router.db_for_write(AccessLog) == dbrouter.DEFAULT
    assert router.allow_migrate(dbrouter.DEFAULT, "access")
    assert not router.allow_migrate(dbrouter.REPLICA, "access")


def test_outside_a_report_the_router_leaves_reads_to_django() -> None:
    router = dbrouter.ReplicaRouter()
    assert router.db_for_read(AccessLog) is None
    with dbrouter.replica_reads():
        assert router.db_for_read(AccessLog) == dbrouter.DEFAULT  # no replica configured
