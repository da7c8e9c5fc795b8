"""The partners' contributions and consultations are in the case chronology."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia.conftest import CaseWorld
from monia.consult import services as consult_services
from monia.contrib import services as contrib_services


def test_contribution_and_consultation_leave_a_trail(
    case_a: CaseWorld, worker_a: Any, school: Any, partner: Any
) -> None:
    req = contrib_services.request_create(
        user=worker_a,
        assessment=case_a.open_assessment,
        organisation=school,
        basis="lsl_41_request",
        questions="Miten lapsi on jaksanut koulussa?",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    contrib_services.statement_submit(
        user=partner,
        request_id=req.pk,
        statement="Poissaoloja on ollut kuusi.",
        child_view_noted="Lapsi kertoi itse.",
    )
    consultation = consult_services.consultation_ask(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        mode="pseudonymised",
        pseudonym="Tyttö, 9",
        question="Miten tukisitte koulunkäyntiä?",
    )
    consult_services.consultation_answer(
        user=partner, consultation=consultation, answer="Tukiopetusta kahdesti viikossa."
    )
    kinds = list(
        case_a.case.events.filter(
            kind__in=[
                "contribution_requested",
                "contribution_received",
                "consultation_asked",
                "consultation_answered",
            ]
        ).values_list("kind", flat=True)
    )
    assert kinds == [
        "contribution_requested",
        "contribution_received",
        "consultation_asked",
        "consultation_answered",
    ]
