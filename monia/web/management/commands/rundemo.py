"""`make run`: migrate, compile translations, load the demo data once, start the
background-task worker, the owner's worker and the scheduler (monia/jobs/workers.py),
serve on :8000 (or ``--addrport``); they stop when the server stops.

Served on another address, the demo says so everywhere: the links in its e-mails
(MONIA_BASE_URL), the passkeys' origin and the origins trusted to post forms
(CSRF_TRUSTED_ORIGINS) follow ``--addrport`` — unless the environment sets them, which
wins. The workers beside the server inherit the same (``demo_addresses``).

`make run` leaves DEBUG off, as a new user should meet Monia: a missing page is Monia's own
404 page, not Django's debug page. The development server then serves the static files
from the apps itself (``runserver --insecure``, as it does with DEBUG on): the demo needs
no ``collectstatic``, and an edited stylesheet shows at the next load."""

import os
import signal
import subprocess
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from monia import base_url
from monia.jobs.workers import Helper, helpers


class Command(BaseCommand):
    help = "Start Monia with demo data on http://127.0.0.1:8000 (or --addrport)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args: object, **options: object) -> None:
        # On SIGTERM exit normally, so the embedded PostgreSQL is stopped by its exit hook
        # (Ctrl+C already does this).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        served = base_url.served_at(str(options["addrport"]))
        addresses_apply(demo_addresses(str(options["addrport"]), os.environ), os.environ)
        self.stdout.write("Preparing the database…")
        call_command("compile_translations")
        # Static files come from the apps (runserver's own handler); WhiteNoise, which
        # serves the collected ones in production, still wants its folder to exist.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo", if_empty=True)
        self.stdout.write(
            f"\nMonia is at {served}/ — log in as sanna / demo "
            "(a designated social worker). Stop it with Ctrl+C.\n"
            "Senior officials (heikki, mats) and the administrators (admin, admin2) also type "
            "a code from the demo's authenticator app: the second step shows it. Passkeys work at "
            f"{' and '.join(f'{o}/' for o in settings.OTP_WEBAUTHN_ALLOWED_ORIGINS)} only.\n"
            "Background tasks (the archive export) run in a worker started beside the server, "
            "the log's monthly upkeep in the owner's worker, and the schedule's jobs "
            "(reminders, escalations) are queued by its scheduler."
        )
        if settings.MONIA_DEMO_IDENTIFICATION:
            self.stdout.write(
                f"The participation portal for children and families is at "
                f"{served}/portal/ (demo identification, not real)."
            )
        started = [start_worker(helper) for helper in background_helpers()]
        try:
            call_command(
                "runserver", options["addrport"], use_reloader=False, insecure_serving=True
            )
        finally:
            for helper in started:
                stop_worker(helper)


def demo_addresses(addrport: str, environ: Mapping[str, str]) -> dict[str, str]:
    """The variables that say where the demo is reached, as served on ``addrport``: those
    of them ``environ`` does not set (an empty value is not set). Forms are trusted from
    the address served and from the passkeys' http://localhost on the same port."""
    served = base_url.served_at(addrport)
    _rp_id, passkeys = base_url.passkey_party(served)
    derived = {
        "MONIA_BASE_URL": served,
        "CSRF_TRUSTED_ORIGINS": ",".join(dict.fromkeys((served, passkeys))),
    }
    return {name: value for name, value in derived.items() if not environ.get(name)}


def addresses_apply(values: Mapping[str, str], environ: MutableMapping[str, str]) -> None:
    """Set ``values`` (``demo_addresses``) in ``environ``, this process's environment that
    the workers it starts inherit, and in the settings already read from it: the base
    URL, the passkeys' relying party and origins that follow from it
    (``base_url.passkey_settings``: a MONIA_WEBAUTHN_* set still wins), the trusted
    origins."""
    environ.update(values)
    if "MONIA_BASE_URL" in values:
        settings.MONIA_BASE_URL = values["MONIA_BASE_URL"]
        settings.OTP_WEBAUTHN_RP_ID, settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = (
            base_url.passkey_settings(values["MONIA_BASE_URL"], environ)
        )
    if "CSRF_TRUSTED_ORIGINS" in values:
        settings.CSRF_TRUSTED_ORIGINS = values["CSRF_TRUSTED_ORIGINS"].split(",")


def background_helpers() -> list[Helper]:
    """The worker (default queue), the owner's worker (owner queue: the embedded server's
    user is the owner, or MONIA_OWNER_DATABASE_URL) and the scheduler, when tasks are
    queued in the database (MONIA_TASKS_BACKEND=database, the default); none otherwise."""
    if settings.MONIA_TASKS_BACKEND != "database":
        return []
    manage = str(Path(settings.BASE_DIR) / "manage.py")
    return helpers(python=sys.executable, manage=manage, environ=os.environ)


def start_worker(helper: Helper) -> subprocess.Popen[bytes]:
    """One helper beside the server: a new archive export then finishes. It shares the
    server's database (the embedded one too: its holders are counted)."""
    return subprocess.Popen(helper.argv, env=helper.env)  # noqa: S603 — our interpreter, no input


def stop_worker(worker: subprocess.Popen[bytes] | None) -> None:
    """SIGTERM lets the worker finish the task it runs (db_worker's own shutdown) and the
    scheduler end its tick."""
    if worker is None or worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
