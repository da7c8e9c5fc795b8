"""Demo data for the participation portal: a showcase young person of the demo worker's
caseload gets a planned network meeting with a remote link and the family versions of its
documents (the plan in the worker's plain words), and the county its emergency social
services number and address. Demo identification lists such
clients first (``monia.portal.demo``)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from monia.casework.models import Case, CaseStage
from monia.demo.steps import TeamStaff

EMERGENCY_PHONES = {"keski-suomi": "014 266 0149", "pohjanmaa": "06 218 9555"}  # synthetic


def portal_build(*, staff: TeamStaff, county_code: str, today: datetime.date) -> Case | None:
    from monia.netmeet import services as netmeet_services
    from monia.portal import family_services
    from monia.portal.document_selectors import case_documents

    county = staff.team.county
    county.social_emergency_phone = EMERGENCY_PHONES.get(county_code, "")
    # Out of office hours a safety alert goes here too (a synthetic address).
    county.social_emergency_email = f"sosiaalipaivystys@{county_code}.example.org"
    county.save(update_fields=["social_emergency_phone", "social_emergency_email"])
    worker = staff.workers[0]
    oldest = today.replace(year=today.year - 18) + datetime.timedelta(days=1)
    youngest = today.replace(year=today.year - 12)
    case = (
        Case.objects.filter(
            team=staff.team,
            designated_worker=worker,
            stage=CaseStage.CLIENT,
            child__birth_date__range=(oldest, youngest),
            child__ties_to__is_guardian=True,
        )
        .exclude(child__identity_code="")
        .order_by("pk")
        .first()
    )
    if case is None:
        return None
    first_name = case.child.first_names.split()[0]
    start = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    netmeet_services.meeting_plan(
        user=worker,
        case=case,
        held_at=start + datetime.timedelta(days=6),
        place="Perhekeskus, neuvotteluhuone 2",
        agenda=(
            f"Miten {first_name}n koulu ja kotiarki sujuvat.\n"
            "Mitä tukea jatketaan ja kuka tekee mitä."
        ),
        remote_link="https://meet.example.org/monia-demo",
    )
    plan_text = (
        "Haluamme, että koulupäivät sujuvat ja kotona on rauhallista.\n"
        "Perhetyöntekijä käy kotona kerran viikossa.\n"
        f"{worker.first_name} tapaa sinua kerran kuussa.\n"
        "Katsomme suunnitelmaa yhdessä uudelleen puolen vuoden päästä."
    )
    # The worker has approved the family version of each document (the plan in her words,
    # the rest as suggested); the portal shows nothing else of them.
    for document in case_documents(case):
        text = plan_text if document.kind == "plan" else str(document.suggestion)
        if document.needs_family_version and text:
            family_services.family_version_approve(
                user=worker, case=case, document_key=document.key, text=text
            )
    return case
