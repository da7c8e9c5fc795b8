"""Letters in the demo: the showcase worker's first client's first guardian (or parent)
was sent the notice that the notification was received (monia/letters), so the case's
letters page lists a sent letter to open again."""

from __future__ import annotations

import datetime

from monia.casework.models import Case, CaseStage
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
    recipients = recipients_for(case, on=today)
    intake = case.intakes.order_by("received_at").first()
    if not recipients or intake is None:
        return
    document = build.notification_received_letter(
        intake=intake, recipient=recipients[0], sender=worker, today=today
    )
    services.letter_send(
        user=worker,
        case=case,
        kind=LetterKind.NOTIFICATION_RECEIVED,
        recipient=recipients[0].person,
        document=document,
        channel=LetterChannel.POST,
        sent_on=today,
    )
