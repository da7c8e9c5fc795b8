"""Synthetic national-scale data for the benchmarks, written fast with COPY.

    .venv/bin/python bench/generate.py [--scale national|county|small] [--database-url URL]
                                       [--fresh] [--seed N]

Why the services are bypassed: they check each rule and write row by row, each change in
its own transaction with its chronology line - right for users, but hours for millions of
rows. Instead ``bench/simulate.py`` plays each child's path through the services' own state
machine in Python and this module COPYs the rows (psycopg 3 ``cursor.copy``). Every row
still passes every database constraint (one open case per child, anonymous notifier without
identity, plan review within 372 days, hearing and assessment constraints, identity codes
unique per county ...); the services themselves are exercised by the test suite.

The data go to a dedicated database (default ``monia_bench`` on 127.0.0.1), created and
migrated with ``manage.py migrate`` under ``DATABASE_URL``. Running again with the same scale
reuses the data; ``--fresh`` drops and recreates the database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from psycopg.conninfo import conninfo_to_dict, make_conninfo  # noqa: E402

from bench import data  # noqa: E402
from bench.families import CodeBook, FamilyMaker, Ids, Person, Tie  # noqa: E402

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/monia_bench"
META_TABLE = "bench_dataset"  # one row describing the generated data; not a Django model


def bench_environment(database_url: str) -> dict[str, str]:
    """The settings the benchmarks run under: production-like (DEBUG off), local database."""
    return {
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "MONIA_ALLOW_DEV_KEY": "true",
        "SESSION_COOKIE_SECURE": "false",
        "DJANGO_SETTINGS_MODULE": "monia.settings",
    }


def configure(database_url: str) -> None:
    """Point Django at the benchmark database (call before importing any Monia model)."""
    os.environ.update(bench_environment(database_url))
    import django

    django.setup()


# --- the database ------------------------------------------------------------------------------


def _db_name(url: str) -> str:
    return str(conninfo_to_dict(url)["dbname"])


def _admin(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True)


def read_meta(url: str) -> dict[str, Any] | None:
    """The description of the generated data, or None when there is none (yet)."""
    with psycopg.connect(url) as conn:
        found = conn.execute("SELECT to_regclass(%s)", [META_TABLE]).fetchone()
        if not found or found[0] is None:
            return None
        row = conn.execute(sql.SQL("SELECT value FROM {}").format(sql.Identifier(META_TABLE)))
        value = row.fetchone()
    return dict(value[0]) if value else None


def prepare_database(url: str, *, scale: str, fresh: bool) -> dict[str, Any] | None:
    """Create the database if needed; return its metadata when it already holds ``scale``."""
    name = _db_name(url)
    with _admin(url) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            if "bench" not in name:  # never drop a database this tool did not make
                raise SystemExit(f"--fresh drops only benchmark databases, not {name!r}")
            print(f"dropping database {name}")
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            print(f"creating database {name}")
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return None
    meta = read_meta(url)
    if meta and meta.get("scale") == scale:
        return meta
    if meta:
        raise SystemExit(f"{name} holds the {meta.get('scale')!r} scale: run with --fresh")
    with psycopg.connect(url) as conn:
        tables = conn.execute("SELECT to_regclass('casework_case')").fetchone()
        if tables and tables[0] is not None:
            raise SystemExit(f"{name} has tables but no complete benchmark data: use --fresh")
    return None


def migrate(url: str) -> None:
    env = {**os.environ, **bench_environment(url)}
    command = [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603


def _fill(model_field: Any) -> Any:
    """The value for a column the generator does not set: the field's default."""
    value = model_field.get_default()
    if value is None and not model_field.null:
        raise RuntimeError(
            f"bench/generate.py does not set {model_field.model.__name__}.{model_field.name}"
            " and it has no default: add it to bench/rows.py"
        )
    return value


def copy_rows(
    conn: psycopg.Connection[Any], model: Any, fields: list[str], rows: Iterable[tuple[Any, ...]]
) -> int:
    """COPY ``rows`` into ``model``'s table; other columns get the field defaults."""
    meta = model._meta
    given = [meta.get_field(name) for name in fields]
    # A generated column is the database's to write (Person.search_name).
    rest = [
        f
        for f in meta.concrete_fields
        if f.name not in set(fields) and not getattr(f, "generated", False)
    ]
    filler = tuple(_fill(f) for f in rest)
    columns = sql.SQL(", ").join(sql.Identifier(f.column) for f in given + rest)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(meta.db_table), columns)
    started, count = time.perf_counter(), 0
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row + filler)
            count += 1
    conn.commit()
    seconds = time.perf_counter() - started
    print(
        f"  {meta.db_table:<34} {count:>10,} rows {seconds:7.1f} s {count / seconds:>9,.0f} rows/s"
    )
    return count


# --- the data -----------------------------------------------------------------------------------


@dataclass
class Dataset:
    now: datetime
    counties: list[tuple[int, data.CountySpec]] = field(default_factory=list)
    teams: list[Any] = field(default_factory=list)
    staff: list[tuple[int, str, int, Any]] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    ties: list[tuple[int, Tie]] = field(default_factory=list)
    cases: list[Any] = field(default_factory=list)
    former_cases: list[Any] = field(default_factory=list)  # closed, of earlier years


def _register_per_county(scale: data.Scale, children: list[int]) -> list[int]:
    """Former clients and their parents per county: the register's persons beyond this
    year's (about two per child), shared by population."""
    extra = max(0, scale.register_persons - 2 * scale.children)
    total = sum(c.population_k for c in scale.counties)
    return [round(extra * c.population_k / total) for c in scale.counties]


def _children_per_county(scale: data.Scale) -> list[int]:
    total = sum(c.population_k for c in scale.counties)
    return [round(scale.children * c.population_k / total) for c in scale.counties]


def build(scale: data.Scale, *, seed: int, now: datetime) -> Dataset:
    """Families, timelines and staff for every county of ``scale``, in memory."""
    from bench.detail import Fleshing, staff_county
    from bench.register import former_clients
    from bench.simulate import Simulator

    rng, ids, codes = random.Random(seed), Ids(), CodeBook()
    ds = Dataset(now=now)
    simulator = Simulator(rng=rng, ids=ids, now=now)
    fleshing = Fleshing(rng=rng, ids=ids, today=now.date())
    per_county = _children_per_county(scale)
    register = _register_per_county(scale, per_county)
    for spec, n_children, n_former in zip(scale.counties, per_county, register, strict=True):
        started = time.perf_counter()
        county_id = ids.take("county")
        ds.counties.append((county_id, spec))
        maker = FamilyMaker(
            county_id=county_id, spec=spec, rng=rng, ids=ids, codes=codes, today=now.date()
        )
        people = maker.make(n_children)
        cases = [case for child in people.children for case in simulator.run(child)]
        for case in cases:
            fleshing.flesh_out(case)
        teams = staff_county(cases, county_id=county_id, rng=rng, ids=ids, today=now.date())
        _add_staff(ds, teams, county_id, ids.take("user"), rng)
        former = former_clients(maker, n_persons=n_former, teams=teams, now=now)
        ds.persons += people.children + people.adults + former.persons
        ds.ties += [(county_id, t) for t in people.ties + former.ties]
        ds.cases += cases
        ds.former_cases += former.cases
        seconds = time.perf_counter() - started
        print(
            f"  {spec.name_fi:<20} {n_children:>7,} children {len(cases):>7,} cases "
            f"{len(teams):>4} teams {len(former.persons):>8,} earlier persons "
            f"simulated in {seconds:5.1f} s"
        )
    return ds


def _add_staff(ds: Dataset, teams: list[Any], county_id: int, senior: int, rng: Any) -> None:
    ds.teams += teams
    ds.staff.append((senior, "senior_official", county_id, None))
    for team in teams:
        ds.staff += [(w, "designated_social_worker", county_id, team) for w in team.workers]
        ds.staff.append((team.family_worker, "family_worker", county_id, team))
    for user_id, *_ in ds.staff:
        if user_id not in ds.names:
            first = rng.choice(data.FEMALE_NAMES + data.MALE_NAMES)
            ds.names[user_id] = f"{first} {rng.choice(data.LAST_NAMES)}"


WORDS_TRIGGER = "person_name_words_keep"  # keeps people_nameword (people/migrations/0004)


def _vocabulary(conn: psycopg.Connection[Any], scale: data.Scale, seed: int) -> int:
    """The names' own words, in one statement (the trigger is off during the COPY: a
    million single-row inserts into the vocabulary would double its time), then the
    invented words of ``scale.vocabulary``."""
    from bench.register import vocabulary_padding
    from monia.people.models import NameWord

    conn.execute(
        "INSERT INTO people_nameword (word) SELECT DISTINCT split_part(k, ':', 2)"
        " FROM people_person, unnest(name_keys) AS k ON CONFLICT DO NOTHING"
    )
    conn.commit()
    taken = {row[0] for row in conn.execute("SELECT word FROM people_nameword")}
    padding = vocabulary_padding(random.Random(seed + 2), scale.vocabulary, taken=taken)
    return len(taken) + copy_rows(conn, NameWord, ["word"], ((w,) for w in padding))


def write(url: str, ds: Dataset, *, seed: int, scale: data.Scale) -> dict[str, int]:
    """COPY every table in foreign-key order; then sequences and planner statistics."""
    from bench.rows import FIELDS, Rows
    from monia.accounts.models import User
    from monia.casework import models as cw
    from monia.people.models import Person as PersonModel
    from monia.people.models import Relationship
    from monia.teams.models import County, Team

    rows = Rows(rng=random.Random(seed + 1), now=ds.now, names=ds.names)
    plan = [
        (County, "county", rows.county_rows(ds.counties)),
        (Team, "team", rows.team_rows(ds.teams)),
        (User, "user", rows.user_rows(ds.staff)),
        (PersonModel, "person", rows.person_rows(ds.persons)),
        (Relationship, "relationship", rows.relationship_rows(ds.ties)),
        (cw.Case, "case", rows.case_rows(chain(ds.cases, ds.former_cases))),
        (cw.Intake, "intake", rows.intake_rows(ds.cases)),
        (cw.ServiceNeedsAssessment, "assessment", rows.assessment_rows(ds.cases)),
        (cw.ChildHearing, "hearing", rows.hearing_rows(ds.cases)),
        (cw.ClientRelationship, "client", rows.client_rows(ds.cases)),
        (cw.ClientPlan, "plan", rows.plan_rows(ds.cases)),
        (cw.Measure, "measure", rows.measure_rows(ds.cases)),
        (cw.DesignatedWorkerAssignment, "assignment", rows.assignment_rows(ds.cases)),
        (cw.ChronologyEvent, "event", rows.event_rows(ds.cases)),
    ]
    counts = {}
    with psycopg.connect(url) as conn:
        conn.execute("SET synchronous_commit = off")
        for model, key, generator in plan:
            if model is PersonModel:
                conn.execute(
                    sql.SQL("ALTER TABLE people_person DISABLE TRIGGER {}").format(
                        sql.Identifier(WORDS_TRIGGER)
                    )
                )
            counts[model._meta.db_table] = copy_rows(conn, model, FIELDS[key], generator)
            if model is PersonModel:
                conn.execute(
                    sql.SQL("ALTER TABLE people_person ENABLE TRIGGER {}").format(
                        sql.Identifier(WORDS_TRIGGER)
                    )
                )
                counts["people_nameword"] = _vocabulary(conn, scale, seed)
        for model, *_ in plan:
            table = model._meta.db_table
            conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence({t}, 'id'), max(id)) FROM {i}"
                ).format(t=sql.Literal(table), i=sql.Identifier(table))
            )
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        started = time.perf_counter()
        conn.execute("VACUUM (ANALYZE)")
        conn.execute("CHECKPOINT")  # flush now, not in the background during the benchmarks
        print(f"  VACUUM ANALYZE, CHECKPOINT {time.perf_counter() - started:.1f} s")
    return counts


SUMMARY_SQL = {
    "persons": "SELECT count(*) FROM people_person",
    "name_words": "SELECT count(*) FROM people_nameword",
    "closed_cases": "SELECT count(*) FROM casework_case WHERE stage = 'closed'",
    "open_client_relationships": "SELECT count(*) FROM casework_clientrelationship "
    "WHERE closed_on IS NULL",
    "intakes_last_12_months": "SELECT count(*) FROM casework_intake "
    "WHERE received_at >= now() - interval '365 days'",
    "children": "SELECT count(DISTINCT child_id) FROM casework_case",
    "open_cases": "SELECT count(*) FROM casework_case WHERE stage <> 'closed'",
    "designated_workers": "SELECT count(*) FROM accounts_user "
    "WHERE role = 'designated_social_worker'",
    "teams": "SELECT count(*) FROM teams_team",
    "max_caseload": "SELECT max(n) FROM (SELECT count(*) n FROM "
    "casework_designatedworkerassignment WHERE ended_on IS NULL GROUP BY worker_id) s",
}


def summarise(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            key: int(conn.execute(query).fetchone()[0])  # type: ignore[index]
            for key, query in SUMMARY_SQL.items()
        }


def save_meta(url: str, meta: dict[str, Any]) -> None:
    with psycopg.connect(url) as conn:
        table = sql.Identifier(META_TABLE)
        conn.execute(sql.SQL("CREATE TABLE {} (value jsonb NOT NULL)").format(table))
        conn.execute(sql.SQL("INSERT INTO {} VALUES (%s)").format(table), [json.dumps(meta)])


def generate(url: str, *, scale: str, fresh: bool = False, seed: int = 2024) -> dict[str, Any]:
    """Make sure ``url`` holds the ``scale`` data set; return its description."""
    existing = prepare_database(url, scale=scale, fresh=fresh)
    if existing:
        print(f"reusing {scale} data generated {existing['generated_at']} (--fresh to redo)")
        migrate(url)  # a no-op unless the models changed since
        return existing
    started = time.perf_counter()
    migrate(url)
    configure(url)
    from django.utils import timezone

    now = timezone.localtime()
    print(f"simulating the {scale} scale (seed {seed})")
    ds = build(data.SCALES[scale], seed=seed, now=now)
    simulated = time.perf_counter() - started
    print("writing")
    rows = write(url, ds, seed=seed, scale=data.SCALES[scale])
    meta = {
        "scale": scale,
        "seed": seed,
        "generated_at": now.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "seconds_simulating": round(simulated, 1),
        "rows": rows,
        "total_rows": sum(rows.values()),
        "summary": summarise(url),
    }
    save_meta(url, meta)
    print(f"generated {meta['total_rows']:,} rows in {meta['seconds']:.0f} s")
    print(json.dumps(meta["summary"], indent=1))
    return meta


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(data.SCALES), default="county")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    parser.add_argument("--seed", type=int, default=2024)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    generate(args.database_url, scale=args.scale, fresh=args.fresh, seed=args.seed)


if __name__ == "__main__":
    main()
