"""The matter coming in: the child welfare notification (Lastensuojeluilmoitus, 4009),
its assessment (Lastensuojeluilmoituksen arvio, 1006) and the entry on the matter
becoming pending (Merkintä asian vireilletulosta, 19001), from casework's ``Intake``."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from monia.casework.models import (
    PLACEMENT_KINDS,
    FamilyInformed,
    Intake,
    IntakeDecision,
    IntakeKind,
    MeasureKind,
    NotifierType,
    Sector,
)
from monia.sosmeta import codes, parts
from monia.sosmeta.document import Document, iso

NOTIFICATION = "1.2.246.537.6.1506.4009.2023.4.28"
NOTIFICATION_ASSESSMENT = "1.2.246.537.6.1506.1006.2023.5.31"
MATTER_PENDING = "1.2.246.537.6.1506.19001.2023.10.30"

_FAMILY_TOLD: dict[str, bool] = {FamilyInformed.YES: True, FamilyInformed.NO: False}


def notification(intake: Intake) -> tuple[str, dict[str, Any]]:
    """Lastensuojeluilmoitus (LsL 25 §) as it was received."""
    doc = Document(NOTIFICATION)
    parts.client(doc, intake.case)
    anonymous = intake.notifier_type == NotifierType.ANONYMOUS
    doc.put("anonyymi_ilmoitus", anonymous)
    doc.code("ilmoittaja.taho", _notifier_party(intake))
    doc.put("ilmoittaja.kuvaus", _notifier_text(intake))
    doc.put("ilmoittamispaivamaara", iso(_local_date(intake.received_at)))
    doc.put("asiasisalto", intake.content)
    doc.put(
        "ainakin_toiselle_huoltajalle_on_kerrottu_lastensuojeluilmoituksesta",
        _FAMILY_TOLD.get(intake.family_informed),
    )
    parts.put_professional(doc, "laatija", intake.recorded_by)
    return doc.result()


def _notifier_party(intake: Intake) -> codes.Code | None:
    """Taho (1.2.246.537.6.1243): the sector of an obligated notifier, else the kind of
    notifier (a private person, anonymous) — Monia's codes."""
    if intake.notifier_sector:
        return codes.monia(Sector, intake.notifier_sector)
    return codes.monia(NotifierType, intake.notifier_type)


def _notifier_text(intake: Intake) -> str:
    named = [intake.notifier_name, intake.notifier_organisation, intake.notifier_phone]
    return ", ".join(v for v in named if v)


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment)


def notification_assessment(intake: Intake) -> tuple[str, dict[str, Any]]:
    """Lastensuojeluilmoituksen arvio: urgency (LsL 26 §) and what is done (7 working days)."""
    doc = Document(NOTIFICATION_ASSESSMENT)
    parts.client(doc, intake.case)
    received = _local_date(intake.received_at)
    earlier = intake.case.intakes.filter(received_at__lt=intake.received_at).exists()
    doc.put("aiemmat_ilmoitukset_ja_yhteydenotot", earlier)
    for field, value in _client_status(intake, received).items():
        doc.put(f"lapsen_asiakkuus.{field}", value)
    doc.code("toimenpiteet", codes.monia(IntakeDecision, intake.decision))
    doc.put("kuvaus", intake.decision_reason or intake.client_action)
    doc.code("arvio_asian_kiireellisyydesta", codes.urgency(intake.urgency))
    doc.put("kiireellisyyden_perustelu", intake.urgency_note)
    doc.put("paivamaara", iso(intake.decided_on))
    parts.put_professional(doc, "laatija", intake.decided_by or intake.urgency_by)
    return doc.result()


def _client_status(intake: Intake, day: datetime.date) -> dict[str, bool]:
    """The child's client status on the day the notification came, from the case."""
    case = intake.case
    relationships = case.client_relationships.filter(opened_on__lte=day)
    in_force = case.measures.filter(started_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )
    placed = in_force.filter(kind__in=[*PLACEMENT_KINDS, MeasureKind.CARE_ORDER]).exists()
    earlier = relationships.filter(closed_on__lt=day).exists()
    return {
        "lapsi_on_ollut_aiemmin_lastensuojelun_asiakkaana_hyvinvointialueella": earlier,
        "lapsen_palvelutarpeen_arviointi_on_kaynnistetty": intake.decision
        in (IntakeDecision.START_ASSESSMENT, IntakeDecision.JOIN_ASSESSMENT),
        "lapsi_on_lastensuojelun_avohuollon_asiakas": not placed
        and relationships.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=day)).exists(),
        "hyvinvointialue_on_huostaanottanut_jatai_sijoittanut_lapsen": placed,
    }


def matter_pending_entry(intake: Intake) -> tuple[str, dict[str, Any]]:
    """Merkintä asian vireilletulosta (SHL 35–36 §, LsL 25–26 §)."""
    doc = Document(MATTER_PENDING)
    parts.client(doc, intake.case)
    parts.service_task(doc, intake.case, "palvelutehtava")
    doc.put("vireilletulopaiva", iso(_local_date(intake.received_at)))
    doc.put("kuvaus_asian_vireilletulosta", _pending_text(intake))
    doc.put(
        "toimenpiteet",
        codes.finnish(IntakeDecision(intake.decision).label) if intake.decision else "",
    )
    doc.code("arvio_asian_kiireellisyydesta", codes.urgency(intake.urgency))
    doc.put("kiireellisyyden_peruste", intake.urgency_note)
    doc.put("paivamaara", iso(_local_date(intake.recorded_at)))
    parts.put_professional(doc, "laatija", intake.recorded_by)
    return doc.result()


def _pending_text(intake: Intake) -> str:
    kind = codes.finnish(IntakeKind(intake.kind).label)
    return f"{kind}: {intake.content}"
