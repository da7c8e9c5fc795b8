"""Client-record entries (asiakaskertomusmerkinnät): the client notes (19004–19014), each
of its own definition (``ClientNote.sosmeta_definition``), and the entry on a disclosure
of client data (Merkintä asiakastietojen luovuttamisesta, 19010) from the disclosure log."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from monia.casework.models import CancellationReason, ClientNote, NoteType
from monia.network.models import DisclosureBasis, DisclosureLog, DisclosureSource, SharePart
from monia.sosmeta import codes, parts
from monia.sosmeta.document import Document, iso

DISCLOSURE = "1.2.246.537.6.1506.19010.2023.9.8"

_ENTRY = "asiakaskertomusmerkinta"
_EVENT = f"{_ENTRY}.tapahtuma"
# Where each note field goes, per entry type (the definitions' own field names).
_EVENT_TEXTS = {"place": f"{_EVENT}.paikka", "participants": f"{_EVENT}.osallistujat"}
_AGREED: dict[str, str] = {
    NoteType.MEETING_OR_CONTACT: "sovitut_asiat",
    NoteType.NEGOTIATION: "neuvottelussa_sovitut_asiat_ja_vastuunjako",
}
_INFORMATION = {
    "info_source": "tiedonlahde",
    "info_purpose": "kayttotarkoitus_johon_tiedot_on_pyydetty",
    "info_requested": "pyydetyt_tiedot",
    "info_received": "saadut_tiedot",
}


def client_note(note: ClientNote) -> tuple[str, dict[str, Any]]:
    """One signed (or draft) client note as its national entry type."""
    doc = Document(note.sosmeta_definition)
    parts.client(doc, note.case)
    if note.note_type == NoteType.INFORMATION:
        _information(doc, note)
    else:
        _event(doc, note)
    doc.put("paivamaara", iso(note.occurred_on))
    parts.put_professional(doc, "laatija", note.signed_by or note.author)
    return doc.result()


def _moment(note: ClientNote) -> str | None:
    if note.occurred_time is None:
        return iso(note.occurred_on)
    moment = datetime.datetime.combine(note.occurred_on, note.occurred_time)
    return iso(timezone.make_aware(moment))


def _event(doc: Document, note: ClientNote) -> None:
    parts.service_task(doc, note.case, f"{_ENTRY}.palvelutehtava")
    if note.note_type == NoteType.CANCELLED:
        doc.put(f"{_EVENT}.paivamaara_ja_kellonaika", _moment(note))
        doc.code(
            f"{_EVENT}.peruuntumisen_syy", codes.monia(CancellationReason, note.cancellation_reason)
        )
        doc.put(f"{_EVENT}.lisatiedot_peruuntumisesta", note.discussed)
    else:
        doc.put(f"{_EVENT}.ajanjakso.alkamishetki", _moment(note))
        doc.put(f"{_EVENT}.kuvaus", _description(note))
    if note.has("contact_method"):
        doc.code(f"{_EVENT}.asiointitapa", codes.contact_method(note.contact_method))
    for field, path in _EVENT_TEXTS.items():
        if note.has(field) and doc.has(path):
            doc.put(path, getattr(note, field))
    if note.note_type in _AGREED:
        doc.put(_AGREED[note.note_type], note.agreed)


def _description(note: ClientNote) -> str:
    """What was discussed; the child's own view (LsL 20 §) follows it, as the definitions
    leave the child's view to the description."""
    text = [note.discussed]
    if note.child_view:
        text.append(f"Lapsen näkemys: {note.child_view}")
    elif note.child_took_part and note.child_view_reason:
        text.append(f"Lapsen näkemystä ei kirjattu: {note.child_view_reason}")
    return "\n\n".join(t for t in text if t)


def _information(doc: Document, note: ClientNote) -> None:
    parts.service_task(doc, note.case, "palvelutehtava")
    for field, path in _INFORMATION.items():
        doc.put(path, getattr(note, field))
    doc.put("tietojen_saamisen_paivamaara", iso(note.info_received_on))
    if note.info_requested:
        doc.put("tietojen_pyytamisen_paivamaara", iso(note.occurred_on))
        parts.put_professional(doc, "tietoja_pyytanyt_ammattihenkilo", note.author)


def disclosure_entry(row: DisclosureLog) -> tuple[str, dict[str, Any]]:
    """Luovutusmerkintä (Act 703/2023): what was disclosed, to whom, why and on what basis."""
    doc = Document(DISCLOSURE)
    doc.put("asiakas", parts.person(row.person))
    parts.service_task(doc, row.case, "palvelutehtava")
    doc.put("luovutetut_tiedot", _disclosed(row))
    doc.put("tietojen_luovuttamisen_paivamaara", iso(timezone.localdate(row.at)))
    recipient = parts.professional(row.recipient) or {}
    recipient["organisaatio"] = row.organisation.name
    doc.put("tietojen_vastaanottaja", recipient)
    parts.put_professional(doc, "tietojen_luovuttaja", _discloser(row))
    doc.put("perustelu", codes.finnish(DisclosureBasis(row.basis).label))
    doc.put("kayttotarkoitus_johon_tiedot_on_luovutettu", row.purpose)
    doc.put("lisatiedot", codes.finnish(DisclosureSource(row.source).label))
    doc.put("paivamaara", iso(timezone.localdate(row.at)))
    parts.put_professional(doc, "laatija", _discloser(row))
    return doc.result()


def _disclosed(row: DisclosureLog) -> str:
    with_labels = [codes.finnish(SharePart(p).label) for p in row.parts if p in SharePart.values]
    return ", ".join(with_labels)


def _discloser(row: DisclosureLog) -> Any:
    """Who disclosed: the worker who made the sharing grant; for the other sources (a
    contribution request, a consultation, a meeting invitation) the log row names no
    worker, so the case's designated social worker stands for the county."""
    if row.grant is not None:
        return row.grant.granted_by
    return row.case.designated_worker
