"""The logs' background task: the weekly check of their hash chains
(monia/access/schedule.py; ``manage.py verify_log_chain`` runs the same by hand).

The logs' retention is *not* a task: it deletes log rows, which only the owning role may
(docs/security.md, "Database roles"), and the worker runs as the runtime role. It stays
the owner's command, ``manage.py log_retention``."""

from __future__ import annotations

from django_tasks import task


class BrokenLogChain(Exception):
    """A log's hash chain is broken: the run fails, and the administrator sees it."""


@task()
def log_chains_verify() -> str:
    """Verify every county's chain in every log; fail naming the first broken rows."""
    from monia.access.chain import chain_breaks

    breaks = chain_breaks()
    if breaks:
        raise BrokenLogChain("; ".join(str(b) for b in breaks))
    return "every log chain is whole"
