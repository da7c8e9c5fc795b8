"""Remind partners of statements due soon or overdue, by hand: the schedule runs the same
daily (monia/contrib/schedule.py; a second run the same day reminds nobody again)."""

from django.core.management.base import BaseCommand

from monia.contrib.services import contribution_reminders_send


class Command(BaseCommand):
    help = "Remind partners of assessment statements due within two working days or overdue."

    def handle(self, *args: object, **options: object) -> None:
        count = contribution_reminders_send()
        self.stdout.write(f"Reminded about {count} statement requests.")
