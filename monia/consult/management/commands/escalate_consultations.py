"""Escalate consultations whose answer is late, by hand: the schedule runs the same daily
(monia/consult/schedule.py; idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from monia.consult.services import consultation_escalate_overdue


class Command(BaseCommand):
    help = "Mark unanswered consultations past their due date as escalated."

    def handle(self, *args: Any, **options: Any) -> None:
        count = consultation_escalate_overdue()
        self.stdout.write(f"Escalated {count} consultation(s).")
