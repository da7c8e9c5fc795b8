"""The background processes beside a web server, as `make run` starts them (``rundemo``;
`make serve`'s scripts/serve.sh starts the same three in shell): the ordinary task
worker, the owner's worker and the scheduler (docs/deployment.md, "Scheduled work").

The ordinary worker names the default queue only, so it never takes an owner's job; the
owner's worker works ``registry.OWNER_QUEUE`` on the owner's connection — ``DATABASE_URL``
replaced by ``MONIA_OWNER_DATABASE_URL`` when that is set, else ``DATABASE_URL`` itself
(one machine whose ``DATABASE_URL`` is the owner already: the embedded PostgreSQL of
`make run`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from monia.jobs.registry import DEFAULT_QUEUE, OWNER_QUEUE

OWNER_URL_VARIABLE = "MONIA_OWNER_DATABASE_URL"


@dataclasses.dataclass(frozen=True)
class Helper:
    """One process: its command line, and its environment (None: the caller's own)."""

    name: str
    argv: list[str]
    env: dict[str, str] | None = None


def owner_environment(environ: Mapping[str, str]) -> dict[str, str] | None:
    """The owner worker's environment: ``environ`` with the owner's ``DATABASE_URL``, or
    None (the caller's own) when no separate owner URL is set."""
    owner_url = environ.get(OWNER_URL_VARIABLE, "")
    return {**environ, "DATABASE_URL": owner_url} if owner_url else None


def helpers(*, python: str, manage: str, environ: Mapping[str, str]) -> list[Helper]:
    """The worker (default queue), the owner's worker (owner queue) and the scheduler."""
    quiet = ["--verbosity", "0"]
    worker = [python, manage, "db_worker", "--no-reload", *quiet, "--queue-name"]
    return [
        Helper("worker", [*worker, DEFAULT_QUEUE]),
        Helper("owner worker", [*worker, OWNER_QUEUE], owner_environment(environ)),
        Helper("scheduler", [python, manage, "run_scheduler", *quiet]),
    ]
