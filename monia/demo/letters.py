"""Letters in the demo: the showcase worker's first client's first guardian (or parent)
was sent the notice that the notification was received (monia/letters) on the day of the
intake's decision, so the case's letters page lists a sent letter to open again."""

from __future__ import annotations

import datetime

from monia import deadlines
from monia.casework.models import Case, CaseStage
from monia.demo import workdays
from monia.demo.families import DAY
from monia.demo.steps import TeamStaff
from monia.letters import build, services
from monia.letters.models import LetterChannel, LetterKind
from monia.letters.recipients import recipients_for


def letters_build(*, staff: list[TeamStaff], today: datetime.date) -> None:
    worker = staff[0].workers[0]
    case = (
        Case.objects.filter(designated_worker=worker, stage=CaseStage.CLIENT)
        .select_related("child", "county", "designated_worker")
        .order_by("pk")
        .first()
    )
    if case is None:
        return
    intake = case.intakes.order_by("received_at").first()
    if intake is None:
        return
    # Sent with the intake's decision, which the notice reports (not weeks later on the
    # demo's today, and never before the notification it answers was received).
    received = deadlines.helsinki_date(intake.received_at)
    sent_on = min(intake.decided_on or workdays.on_or_after(received + DAY), today)
    recipients = recipients_for(case, on=sent_on)
    if not recipients:
        return
    document = build.notification_received_letter(
        intake=intake, recipient=recipients[0], sender=worker, today=sent_on
    )
    services.letter_send(
        user=worker,
        case=case,
        kind=LetterKind.NOTIFICATION_RECEIVED,
        recipient=recipients[0].person,
        document=document,
        channel=LetterChannel.POST,
        sent_on=sent_on,
    )
