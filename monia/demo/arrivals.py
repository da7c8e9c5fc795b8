"""What has just arrived for the showcase team in the demo: two e-notifications from the
public form waiting in the county's queue (a school's, and a neighbour's about a child
they cannot name), and a phone call about a child not identified yet — "the boy of about
eight in stairway B" — recorded as told, to be linked to the person later. All through
the services."""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from monia import deadlines
from monia.casework import services
from monia.casework.intake_models import Channel, FamilyInformed, IntakeKind, Sector
from monia.casework.notifier import NotifierType
from monia.demo.steps import TeamStaff

# The demo's own keys, so that the same demo gives the same submissions.
DEMO_KEYS = uuid.UUID("6d6f6e69-612d-4465-b46f-617272697661")

PHONE_CALL = (
    "Naapuri soitti: rappukäytävässä B on useana iltana istunut noin kahdeksanvuotias "
    "poika myöhään yksin. Poika kertoi, ettei äiti ole kotona eikä hän pääse sisään. "
    "Naapuri ei tiedä pojan nimeä."
)


def arrivals_build(*, staff: TeamStaff, county_code: str, today: datetime.date) -> None:
    """The e-notifications are stamped with the real clock (as the public form stamps
    them), so they are made only for the real today; the phone call keeps the demo's
    dates."""
    _child_not_identified(staff, county_code, today)
    if today == timezone.localdate():
        _enotifications(staff, county_code)


def _child_not_identified(staff: TeamStaff, county_code: str, today: datetime.date) -> None:
    worker = staff.workers[0]
    yesterday = today - datetime.timedelta(days=1)
    received = datetime.datetime.combine(
        yesterday, datetime.time(18, 40), tzinfo=deadlines.HELSINKI
    )
    services.intake_record_for_new_child(
        user=worker,
        child={
            "first_names": "",
            "last_name": "",
            "unidentified": True,
            "approximate_age": 8,
            "gender": "male",
            "address": "Koivukuja 4 B 12",
            "description": "Vaaleat hiukset, sininen toppatakki ja punainen reppu.",
        },
        team=staff.team,
        kind=IntakeKind.NOTIFICATION,
        channel=Channel.PHONE,
        received_at=received,
        notifier_type=NotifierType.ANONYMOUS,  # a neighbour who did not give a name
        content=PHONE_CALL,
        family_informed=FamilyInformed.UNKNOWN,
        submission_key=uuid.uuid5(DEMO_KEYS, f"{county_code}:phone"),
    )


def _enotifications(staff: TeamStaff, county_code: str) -> None:
    from monia.demo.files import demo_pdf
    from monia.enotify import services as enotify_services

    county = staff.team.county
    sender = enotify_services.ip_hash_of("192.0.2.10")  # a documentation address
    enotify_services.enotification_submit(
        county=county,
        ip_hash=sender,
        submission_key=uuid.uuid5(DEMO_KEYS, f"{county_code}:school"),
        kind=IntakeKind.NOTIFICATION,
        notifier_type=NotifierType.OBLIGATED,
        notifier_name="Outi Opettaja",
        notifier_organisation="Keskuskoulu",
        notifier_sector=Sector.SCHOOL,
        notifier_email="outi.opettaja@koulu.example",
        content=(
            "Oppilas on ollut tällä lukukaudella poissa 14 päivää, usein maanantaisin. "
            "Hän on väsynyt ja kertoi, että kotona riidellään öisin. Huoltajat eivät ole "
            "vastanneet koulun yhteydenottoihin."
        ),
        child_first_names="Veeti",
        child_last_name="Esimerkki",
        child_approximate_age=11,
        child_municipality="Jyväskylä" if county_code == "keski-suomi" else "Vaasa",
        family_informed=FamilyInformed.NO,
        upload=demo_pdf("Poissaoloraportti.pdf", ["Koulun poissaoloraportti, syyslukukausi"]),
    )
    enotify_services.enotification_submit(
        county=county,
        ip_hash=sender,
        submission_key=uuid.uuid5(DEMO_KEYS, f"{county_code}:neighbour"),
        kind=IntakeKind.NOTIFICATION,
        notifier_type=NotifierType.ANONYMOUS,
        content=(
            "Naapurin asunnosta kuuluu usein huutoa ja lapsen itkua myöhään illalla. "
            "Lapsi on pieni, ehkä kolmevuotias. En tiedä perheen nimeä."
        ),
        child_approximate_age=3,
        child_address="Koivukuja 4 A 3",
        child_description="Pieni tyttö, jolla on usein vaaleanpunainen pipo.",
    )
