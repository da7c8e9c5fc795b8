"""`make run`: migrate, compile translations, load the demo data once, serve on :8000."""

import signal
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Start Monia with demo data on http://127.0.0.1:8000"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args: object, **options: object) -> None:
        # On SIGTERM exit normally, so the embedded PostgreSQL is stopped by its exit hook
        # (Ctrl+C already does this).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        self.stdout.write("Preparing the database…")
        call_command("compile_translations")
        call_command("migrate", verbosity=0)
        call_command("seed_demo", if_empty=True)
        self.stdout.write(
            f"\nMonia is at http://{options['addrport']}/ — log in as sanna / demo "
            "(a designated social worker). Stop it with Ctrl+C.\n"
            "Senior officials (heikki, mats) and the administrators (admin, admin2) also type "
            "a code from the demo's authenticator app: the second step shows it. Passkeys work at "
            f"http://localhost:{str(options['addrport']).rsplit(':', 1)[-1]}/ only."
        )
        if settings.MONIA_DEMO_IDENTIFICATION:
            self.stdout.write(
                f"The participation portal for children and families is at "
                f"http://{options['addrport']}/portal/ (demo identification, not real)."
            )
        call_command("runserver", options["addrport"], use_reloader=False)
