"""Files and the worker's week in the demo: attachments on intakes, a network meeting
with its agenda this week (the demo worker's calendar has something beside the plans'
meetings with the children), all deterministic. The PDFs are drawn here with reportlab:
nothing is downloaded."""

from __future__ import annotations

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from monia.casework.models import Case, CaseStage, Intake
from monia.demo import workdays
from monia.demo.steps import TeamStaff


def demo_pdf(name: str, lines: list[str]) -> SimpleUploadedFile:
    """A one-page PDF saying it is demo material, as an uploaded file."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setFont("Helvetica", 12)
    y = 800
    for line in ["DEMO – synteettinen aineisto", *lines]:
        page.drawString(60, y, line)
        y -= 20
    page.showPage()
    page.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def files_build(*, staff: TeamStaff, today: datetime.date) -> None:
    from monia.casework import attachment_services
    from monia.netmeet import attachment_services as meeting_files
    from monia.netmeet import services as netmeet_services

    worker = staff.workers[0]
    intakes = list(
        Intake.objects.filter(case__team=staff.team, case__designated_worker=worker)
        .select_related("case")
        .order_by("received_at", "pk")[:2]
    )
    for intake, (name, text) in zip(intakes, INTAKE_FILES, strict=False):
        attachment_services.intake_attachment_add(
            user=worker, intake=intake, upload=demo_pdf(name, [text])
        )
    case = (
        Case.objects.filter(team=staff.team, designated_worker=worker, stage=CaseStage.CLIENT)
        .order_by("pk")
        .first()
    )
    if case is None or today != timezone.localdate():
        return  # a planned meeting lies ahead of the real today
    held_at = datetime.datetime.combine(
        workdays.on_or_after(today + datetime.timedelta(days=2)),
        datetime.time(13),
        tzinfo=timezone.get_current_timezone(),
    )
    meeting = netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=held_at,
        place="Sosiaalitoimisto, neuvotteluhuone 2",
        agenda="Koulunkäynnin tuki ja perhetyön jatko.",
    )
    meeting_files.meeting_attachment_add(
        user=worker,
        meeting=meeting,
        upload=demo_pdf("Asialista.pdf", ["Verkostopalaverin asialista"]),
    )


INTAKE_FILES = [
    ("Koulun huolilomake.pdf", "Koulun huolilomake: poissaolot ja väsymys"),
    ("Neuvolan lausunto.pdf", "Neuvolan terveydenhoitajan lausunto"),
]
